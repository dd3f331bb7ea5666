import type { Gazetteer, GazetteerEntry } from '../gazetteer/gazetteer';
import { englishHead } from '../frames/english-noun-phrase';
import { arabicHead } from '../lexicon/arabic-index';
import type { MentionInfo } from '../frames/frame';
import type { HeadNoun } from '../lexicon/source-nouns.lexicon';
import { normalizeKey, toOriginal, type NormalizedText } from '../text/normalizer';
import type { Language, Source, SourceKind, SourceRef, Span } from '../types';

/** One real-world speaker of the article, gathered from all of its mentions. */
export interface Entity {
  key: string;
  name: string;
  kind: SourceKind;
  anonymous: boolean | null;
  mentions: Span[];
  /** Nouns that a definite description may use to refer back («الدبلوماسي» → diplomat). */
  lemmas: Set<string>;
  /** Outlet types this entity was described with («صحيفة» → newspaper). */
  outletTypes: Set<string>;
  plural: boolean;
  gender?: 'm' | 'f';
  /** The country of a described source («مسؤولون أمريكيون»), to keep groups apart. */
  nationality?: string;
  institution: boolean;
  /** Named (a name or a gazetteer entry), as opposed to described. */
  named: boolean;
  mergedInto?: Entity;
  /** Named only by a headline's short label («الصحة: ...»). */
  fromHeadline?: boolean;
  /** Seen only in the outlet's own sentences so far: kept for later references. */
  noticed: Span[];
  lastSeen: number;
  order: number;
}

/** A claim's link to an entity, with the mention that made it. */
export interface EntityRef {
  entity: Entity;
  mention: string;
  /** Where that mention stands, when it is written (not for a dropped subject). */
  at?: Span;
}

const root = (e: Entity): Entity => {
  let x = e;
  while (x.mergedInto) x = x.mergedInto;
  return x;
};

const nameLemmaCache = new Map<string, string[]>();

/**
 * Head nouns inside a known name, so that "the central bank" or «المصرف» refers back to
 * "Central Bank of Iraq" and "the observatory" to "Kandilli Observatory".
 */
function nameLemmas(entry: GazetteerEntry): string[] {
  let lemmas = nameLemmaCache.get(entry.id);
  if (!lemmas) {
    const found = new Set<string>();
    for (const alias of [entry.name, ...entry.en])
      for (const word of alias.toLowerCase().split(/[^\p{L}]+/u)) {
        const h = englishHead(word);
        if (h) found.add(h.head.lemma);
      }
    for (const alias of entry.ar)
      for (const word of normalizeKey(alias).split(' ')) {
        const h = arabicHead(word);
        if (h) found.add(h.head.lemma);
      }
    lemmas = [...found];
    nameLemmaCache.set(entry.id, lemmas);
  }
  return lemmas;
}

/** Adds a mention span; of two that overlap («رويترز» in «وكالة رويترز») the longer stays. */
function addMention(entity: Entity, span: Span): void {
  // mentions arrive in reading order, so a clash can only be with one of the last few
  const from = Math.max(0, entity.mentions.length - 8);
  let clash = -1;
  for (let k = entity.mentions.length - 1; k >= from && clash < 0; k--) {
    const m = entity.mentions[k]!;
    if (m.start < span.end && span.start < m.end) clash = k;
  }
  if (clash < 0) entity.mentions.push(span);
  else if (span.end - span.start > entity.mentions[clash]!.end - entity.mentions[clash]!.start)
    entity.mentions[clash] = span;
}

const GAZETTEER_LEMMAS: Record<string, string[]> = {
  ministry: ['ministry'],
  presidency: ['presidency', 'office'],
  military: ['army', 'forces', 'command'],
  country: ['government'],
  capital: ['government'],
  government_body: ['government', 'office', 'parliament', 'authorities'],
  newspaper: ['newspaper'],
  magazine: ['newspaper'],
  tv: ['channel'],
  website: ['website'],
  news_agency: ['agency'],
  international_organization: ['organization'],
  ngo: ['organization'],
  armed_group: ['group'],
  political_party: ['group'],
  company: ['company'],
};

/**
 * Turns mentions into article-level sources: known names through the gazetteer, spelling
 * variants through normalised keys, definite descriptions and pronouns through the most
 * recent compatible source, dropped subjects through the last speaker.
 */
export class SourceRegistry {
  private readonly byKey = new Map<string, Entity>();
  private readonly entities: Entity[] = [];
  private clock = 0;
  private lastSpeaker: Entity | undefined;

  constructor(
    private readonly nt: NormalizedText,
    private readonly language: Language,
    private readonly gazetteer: Gazetteer,
  ) {}

  private surface(start: number, end: number): Span {
    const o = toOriginal(this.nt, start, end);
    const text = this.nt.original;
    let s = o.start;
    let e = o.end;
    const isQuote = (c: string | undefined) => c !== undefined && /[«»“”"„'‘’]/.test(c);
    const INVISIBLE = /[\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
    while (s < e && INVISIBLE.test(text[s]!)) s++;
    while (e > s && (INVISIBLE.test(text[e - 1]!) || /[,،.]/.test(text[e - 1]!))) e--;
    // quotation marks at the edges go, unless they pair with one inside («صحيفة "ذا ناشيونال"»)
    for (let guard = 0; guard < 2; guard++) {
      const inner = text.slice(s, e);
      const marks = (inner.match(/[«»“”"„]/g) ?? []).length;
      if (isQuote(text[s]) && (marks % 2 === 1 || isQuote(text[e - 1]))) s++;
      if (
        e > s &&
        isQuote(text[e - 1]) &&
        (marks % 2 === 1 || inner.length > 0) &&
        (text.slice(s, e - 1).match(/[«»“”"„]/g) ?? []).length % 2 === 0
      )
        e--;
      while (s < e && INVISIBLE.test(text[s]!)) s++;
      while (e > s && (INVISIBLE.test(text[e - 1]!) || /[,،.]/.test(text[e - 1]!))) e--;
    }
    return { start: s, end: e, text: text.slice(s, e) };
  }

  private create(
    key: string,
    init: Partial<Entity> & Pick<Entity, 'name' | 'kind' | 'anonymous'>,
  ): Entity {
    const entity: Entity = {
      key,
      mentions: [],
      lemmas: new Set(),
      outletTypes: new Set(),
      plural: false,
      institution: false,
      named: false,
      noticed: [],
      lastSeen: 0,
      order: this.entities.length,
      ...init,
    };
    this.byKey.set(key, entity);
    this.entities.push(entity);
    return entity;
  }

  private describe(m: MentionInfo): string {
    const head = m.head;
    const nat = m.nationality?.demonym?.en;
    const mods = m.modifiers.filter(
      (x) => !(head?.lemma === 'source' && x.noun && m.number === 'sg'),
    );
    if (head?.lemma === 'source' && m.number === 'sg') {
      const role = m.modifiers.find((x) => x.noun);
      if (role?.noun) return ['unnamed', nat, role.noun].filter(Boolean).join(' ');
    }
    const headName = m.headWord ?? (head ? head.en[m.number] : undefined);
    const words = [...mods.map((x) => x.en), nat, headName].filter(Boolean);
    if (words.length === 0) return this.surface(m.start, m.end).text;
    if (mods.some((x) => x.en === 'senior')) {
      words.splice(words.indexOf('senior'), 1);
      words.unshift('senior');
    }
    return words.join(' ');
  }

  private lemmasOf(m: MentionInfo): string[] {
    const out: string[] = [];
    if (m.head) out.push(m.head.lemma);
    for (const mod of m.modifiers) if (mod.noun) out.push(mod.noun);
    if (m.gazetteer)
      out.push(...(GAZETTEER_LEMMAS[m.gazetteer.type] ?? []), ...nameLemmas(m.gazetteer));
    return out;
  }

  private findAnaphor(
    head: HeadNoun | undefined,
    m: MentionInfo,
    strict = false,
  ): Entity | undefined {
    if (!head) return undefined;
    let best: Entity | undefined;
    for (const e of this.entities) {
      if (e.mergedInto) continue;
      if (!e.lemmas.has(head.lemma)) continue;
      // a qualified description only refers back to a source it does not contradict
      if (strict && m.nationality && e.nationality && e.nationality !== m.nationality.id) continue;
      if (m.number === 'pl' && !e.plural && !e.institution) continue;
      if (m.number === 'sg' && e.plural && !head.institution) continue;
      if (!best || e.lastSeen > best.lastSeen) best = e;
    }
    return best;
  }

  private findPronoun(m: MentionInfo): Entity | undefined {
    // a speaker of the pronoun's gender first, then one whose gender is unknown
    let best: Entity | undefined;
    let unknown: Entity | undefined;
    for (const e of this.entities) {
      if (e.mergedInto) continue;
      const plural = e.plural;
      if (m.number === 'pl' ? !(plural || e.institution) : plural) continue;
      if (
        m.number === 'sg' &&
        m.gender &&
        e.institution &&
        m.gender !== undefined &&
        this.language === 'en'
      )
        continue;
      if (m.gender && e.gender && e.gender !== m.gender) continue;
      if (m.gender && !e.gender) {
        if (!unknown || e.lastSeen > unknown.lastSeen) unknown = e;
        continue;
      }
      if (!best || e.lastSeen > best.lastSeen) best = e;
    }
    if (best && unknown && unknown.lastSeen > best.lastSeen && best.lastSeen < this.clock - 6)
      return unknown;
    return best ?? unknown;
  }

  /** The entity of a common-noun description, by its head, qualifiers and number. */
  private describedEntity(m: MentionInfo): Entity {
    const head = m.head;
    const surface = m.end > m.start ? this.surface(m.start, m.end).text : '';
    const key = `np:${m.nationality?.id ?? ''}|${m.modifiers
      .map((x) => x.en)
      .sort()
      .join(',')}|${head?.lemma ?? normalizeKey(m.headWord ?? surface)}|${m.number}`;
    let entity = this.byKey.get(key);
    if (!entity) {
      entity = this.create(key, {
        name: this.describe(m),
        kind: head ? head.kind[m.number] : 'unknown',
        anonymous: head?.anonymous ?? null,
        plural: m.number === 'pl',
        institution: Boolean(head?.institution),
        gender: m.gender,
      });
      if (head?.outletType) entity.outletTypes.add(head.outletType);
    }
    return entity;
  }

  /** The entity a mention refers to, creating it when it is new; null when unresolvable. */
  resolve(m: MentionInfo, asSpeaker: boolean): EntityRef | null {
    let entity: Entity | undefined;
    let span: Span | null =
      m.form === 'dropped' || m.end <= m.start ? null : this.surface(m.start, m.end);
    switch (m.form) {
      case 'gazetteer': {
        const g = m.gazetteer!;
        const key = `gz:${g.id}`;
        entity =
          this.byKey.get(key) ??
          this.create(key, {
            name: g.name,
            kind: g.kind,
            anonymous: false,
            named: true,
            institution: true,
          });
        if (m.head?.outletType) entity.outletTypes.add(m.head.outletType);
        if (g.type in { newspaper: 1, tv: 1, website: 1, magazine: 1, news_agency: 1 })
          entity.outletTypes.add(g.type === 'magazine' ? 'newspaper' : g.type);
        break;
      }
      case 'named': {
        const name = this.surface(m.name?.start ?? m.start, m.name?.end ?? m.end).text;
        const key = `name:${normalizeKey(name)}`;
        entity = this.byKey.get(key);
        if (!entity) {
          const words = normalizeKey(name).split(' ');
          // a surname after the full name: "Whitlock" after "Dana Whitlock"
          entity = this.entities.find(
            (e) =>
              !e.mergedInto &&
              e.key.startsWith('name:') &&
              e.key.slice(5).split(' ').length > 1 &&
              words.length === 1 &&
              e.key.endsWith(' ' + words[0]),
          );
        }
        if (!entity) {
          const head = m.head;
          const kind: SourceKind = head
            ? head.kind[m.number]
            : this.language === 'ar'
              ? 'person'
              : 'unknown';
          entity = this.create(key, {
            name,
            kind,
            anonymous: false,
            named: true,
            institution: Boolean(head?.institution),
            gender: m.gender,
          });
          if (head?.outletType) entity.outletTypes.add(head.outletType);
        }
        break;
      }
      case 'description': {
        // "the ministry spokesman" after "Health Ministry spokesman Tamer Fayed": the same one
        if (m.definite) entity = this.findAnaphor(m.head, m, true);
        entity ??= this.describedEntity(m);
        break;
      }
      case 'anaphor': {
        entity = this.findAnaphor(m.head, m);
        // «المسؤول ذاته» after «م. يوسف العلمي، مدير ...»: the same person, whatever the title
        if (!entity && m.same && this.lastSpeaker && !this.lastSpeaker.institution)
          entity = this.lastSpeaker;
        entity ??= this.describedEntity(m);
        break;
      }
      case 'pronoun':
        entity = this.findPronoun(m);
        break;
      case 'dropped': {
        entity = this.lastSpeaker;
        if (
          entity &&
          m.gender &&
          entity.gender &&
          entity.gender !== m.gender &&
          !entity.institution
        ) {
          // «وقالت» after a male speaker: the most recent female speaker, if any
          const alt = this.findPronoun({ ...m, form: 'pronoun' });
          if (alt) entity = alt;
        }
        span = null;
        break;
      }
    }
    if (!entity) return null;
    entity = root(entity);
    if (m.headline && entity.mentions.length === 0) entity.fromHeadline = true;
    if (entity.noticed.length > 0) {
      for (const n of entity.noticed) addMention(entity, n);
      entity.noticed = [];
    }
    for (const l of this.lemmasOf(m)) entity.lemmas.add(l);
    entity.nationality ??= m.nationality?.id;
    if (m.anonymous) entity.anonymous = true;
    if (m.number === 'pl' && m.form === 'description') entity.plural = true;
    entity.gender ??= m.gender;
    entity.lastSeen = ++this.clock;
    if (span && span.text) addMention(entity, span);
    if (asSpeaker) this.lastSpeaker = entity;
    const mention = span?.text || entity.mentions[entity.mentions.length - 1]?.text || entity.name;
    return { entity, mention, at: span ?? undefined };
  }

  /**
   * Records a name seen in the outlet's own voice ("World No. 2 Elena Varga has withdrawn",
   * "The Red Crescent sent 20 ambulances"), so that a later "Varga said" or "It said" finds
   * it. It becomes a source only if a claim is attributed to it.
   */
  notice(m: MentionInfo): void {
    if (m.form !== 'named' && m.form !== 'gazetteer') return;
    const mentionsBefore = new Map(this.entities.map((e) => [e, e.mentions.length] as const));
    const speaker = this.lastSpeaker;
    const ref = this.resolve(m, false);
    this.lastSpeaker = speaker;
    if (!ref) return;
    const e = ref.entity;
    // a name not yet attributed anything stays a candidate; a source keeps the extra mention
    if ((mentionsBefore.get(e) ?? 0) === 0) {
      e.noticed.push(...e.mentions.splice(0));
    }
  }

  /** Whether this entity is the publishing outlet named by `publisher` (name or alias). */
  isPublisher(entity: Entity, publisher: string | undefined): boolean {
    if (!publisher) return false;
    const p = normalizeKey(publisher);
    const e = root(entity);
    if (normalizeKey(e.name) === p) return true;
    if (e.mentions.some((m) => normalizeKey(m.text) === p)) return true;
    if (e.key.startsWith('gz:')) {
      const g = this.gazetteer.byId(e.key.slice(3));
      if (g && [g.name, ...g.en, ...g.ar].some((a) => normalizeKey(a) === p)) return true;
    }
    return false;
  }

  /**
   * Links an unnamed outlet («صحيفة أمريكية», "a US newspaper") to the one named outlet of
   * the same type in the article: ledes describe the paper before naming it.
   */
  private linkDescribedOutlets(): void {
    for (const e of this.entities) {
      if (e.mergedInto || e.named || e.outletTypes.size === 0) continue;
      const candidates = this.entities.filter(
        (n) =>
          n !== e &&
          !n.mergedInto &&
          n.named &&
          [...e.outletTypes].some((t) => n.outletTypes.has(t)),
      );
      if (candidates.length !== 1) continue;
      const target = candidates[0]!;
      for (const m of e.mentions) addMention(target, m);
      e.mergedInto = target;
    }
  }

  /**
   * A headline labels its speaker briefly («الصحة: ...», "Health ministry: ..."); the body
   * names it in full («وزارة الصحة»). Links the label to the one body source it is part of.
   */
  private linkHeadlineLabels(): void {
    for (const e of this.entities) {
      if (e.mergedInto || !e.fromHeadline) continue;
      const label = ` ${normalizeKey(e.name)} `;
      const targets = this.entities.filter(
        (o) =>
          o !== e &&
          !o.mergedInto &&
          [o.name, ...o.mentions.map((x) => x.text)].some((n) =>
            ` ${normalizeKey(n)} `.includes(label),
          ),
      );
      if (targets.length !== 1) continue;
      for (const m of e.mentions) addMention(targets[0]!, m);
      e.mergedInto = targets[0];
    }
  }

  /** Final sources with ids s1, s2... in order of first mention, and a ref builder for claims. */
  finish(): { sources: Source[]; ref: (r: EntityRef) => SourceRef } {
    this.linkDescribedOutlets();
    this.linkHeadlineLabels();
    const live = this.entities.filter((e) => !e.mergedInto && e.mentions.length > 0);
    const firstAt = (e: Entity) => Math.min(...e.mentions.map((m) => m.start));
    live.sort((a, b) => firstAt(a) - firstAt(b));
    const ids = new Map<Entity, string>();
    live.forEach((e, k) => ids.set(e, `s${k + 1}`));
    const sources: Source[] = live.map((e) => ({
      id: ids.get(e)!,
      name: e.name,
      kind: e.kind,
      anonymous: e.anonymous,
      mentions: [...e.mentions].sort((a, b) => a.start - b.start),
    }));
    const ref = (r: EntityRef): SourceRef => {
      const e = root(r.entity);
      let id = ids.get(e);
      if (!id) {
        // an entity with no written mention (only reached by a dropped subject): give it one
        id = `s${ids.size + 1}`;
        ids.set(e, id);
        sources.push({ id, name: e.name, kind: e.kind, anonymous: e.anonymous, mentions: [] });
      }
      // the mention as kept on the source (a longer overlapping one may have replaced it)
      const at = r.at;
      const kept =
        (at && e.mentions.find((m) => m.start < at.end && at.start < m.end)) ??
        e.mentions.find((m) => m.text === r.mention) ??
        e.mentions[e.mentions.length - 1];
      return { id, name: e.name, mention: kept?.text ?? r.mention };
    };
    return { sources, ref };
  }
}
