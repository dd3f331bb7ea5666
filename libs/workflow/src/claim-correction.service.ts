import type { DataSource, EntityManager } from 'typeorm';
import { similarityKey, type ClaimType } from '@claimtrail/attribution';
import type { AuditLog } from '@claimtrail/audit';
import { DomainError, relinkSimilarClaim } from '@claimtrail/ingest';
import { notifyClaimsChanged } from '@claimtrail/persistence';
import { mentionIn, respan } from './claim-span';
import { correctionEvents } from './correction-events';
import { claimNotFound } from './lease-errors';
import type { Actor } from './lease.service';
import type { ClaimRef } from './merged-refs';
import { retriedTransaction } from './retried-transaction';

/** What an editor may change on a claim, against the version they read. */
export interface ClaimCorrection {
  version: number;
  /** Registry ids of who made the claim, in order (a merged source's id names its survivor). */
  sources?: string[];
  /** Registry ids of who relayed it, in order. */
  via?: string[];
  start?: number;
  end?: number;
  type?: ClaimType;
}

type Role = ClaimRef['role'];
const ROLES: Role[] = ['source', 'via'];

interface ClaimRow {
  version: number;
  type: string;
  start_offset: number;
  end_offset: number;
  text: string;
  article_text: string;
}

interface RegistrySource {
  id: string;
  name: string;
  aliases: string[];
}

const staleVersion = (claimId: string, current: number, given: number): DomainError =>
  new DomainError(
    'conflict',
    `claim ${claimId} is at version ${current}, not ${given}: read it again and redo the change`,
    { currentVersion: current },
  );

/**
 * Editors' corrections of a claim: who made it and who relayed it (registry sources), its
 * span in the article (its text is re-sliced from the article, and its similar claims are
 * found again) and its type. Optimistic locking: the change applies only to the version the
 * editor read (`UPDATE ... WHERE version = $n`), in one transaction with the rewrite of its
 * references and links and the audit event.
 *
 * Locks are taken sources first (in id order, as merges take them), then the claim, then its
 * references, so a correction and a merge that meet wait for each other rather than deadlock.
 */
export class ClaimCorrectionService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
  ) {}

  /** Applies the correction; returns the claim's new version. */
  async correct(editor: Actor, claimId: string, change: ClaimCorrection): Promise<number> {
    if (ROLES.every((r) => refsOf(change, r) === undefined) && !spanChanged(change) && !change.type)
      throw new DomainError(
        'invalid_input',
        'the correction must change at least one of sources, via, start, end, type',
      );
    return retriedTransaction(this.db, async (tx) => {
      const [claim] = await tx.query<ClaimRow[]>(
        `SELECT c.version, c.type, c.start_offset, c.end_offset, c.text, a.text AS article_text
         FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = $1`,
        [claimId],
      );
      if (!claim) throw claimNotFound(claimId);
      const current = { start: claim.start_offset, end: claim.end_offset };
      const span = spanChanged(change)
        ? respan(claim.article_text, { current, start: change.start, end: change.end })
        : undefined;
      const key = span ? similarityKey(span.text) : null;
      const registry = await lockSources(tx, change);
      // what was read is what the UPDATE below changes only when it is the editor's version:
      // versions only grow, and every change of these fields raises it
      if (claim.version !== change.version)
        throw staleVersion(claimId, claim.version, change.version);
      const [rows] = await tx.query<[{ version: number }[], number]>(
        `UPDATE claims SET type = COALESCE($3, type), start_offset = COALESCE($4, start_offset),
           end_offset = COALESCE($5, end_offset), text = COALESCE($6, text),
           normalized_text = COALESCE($7, normalized_text),
           version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 RETURNING version`,
        [
          claimId,
          change.version,
          change.type ?? null,
          span?.start ?? null,
          span?.end ?? null,
          span?.text ?? null,
          key,
        ],
      );
      if (!rows[0]) {
        // another write committed since the read above: nothing is written
        const [now] = await tx.query<{ version: number }[]>(
          'SELECT version FROM claims WHERE id = $1',
          [claimId],
        );
        if (!now) throw claimNotFound(claimId);
        throw staleVersion(claimId, now.version, change.version);
      }
      const version = rows[0].version;
      const before: Record<string, unknown> = { version: claim.version };
      const after: Record<string, unknown> = { version };
      if (change.type) {
        before.type = claim.type;
        after.type = change.type;
      }
      if (span) {
        Object.assign(before, current, { text: claim.text });
        Object.assign(after, span);
      }
      // read under the claim's lock: merges rewrite references only under it too
      const refs = await tx.query<ClaimRef[]>(
        `SELECT claim_id AS "claimId", role, position, source_id AS "sourceId", mention
         FROM claim_sources WHERE claim_id = $1 ORDER BY role, position`,
        [claimId],
      );
      const rewritten: ClaimRef[] = [];
      for (const role of ROLES) {
        const ids = registry.resolve(refsOf(change, role));
        if (!ids) continue;
        before[role === 'source' ? 'sources' : 'via'] = refs
          .filter((r) => r.role === role)
          .map((r) => r.sourceId);
        after[role === 'source' ? 'sources' : 'via'] = ids;
        ids.forEach((sourceId, position) =>
          rewritten.push({
            claimId,
            role,
            position,
            sourceId,
            mention:
              keptMention(refs, role, sourceId) ??
              mentionIn(claim.article_text, span ?? current, registry.get(sourceId)),
          }),
        );
      }
      await rewriteRefs(
        tx,
        claimId,
        ROLES.filter((r) => refsOf(change, r)),
        rewritten,
      );
      // a new text has other lookalikes: the claims it was or now is similar to show it or
      // no longer do, so they changed too (linked before the append, as extraction links)
      const relinked =
        key === null ? [] : await relinkSimilarClaim(tx, claimId, similarityKey(claim.text), key);
      await this.audit.append(tx, [
        correctionEvents.claimCorrected(editor.actor, claimId, before, after),
      ]);
      await notifyClaimsChanged(tx, [claimId, ...relinked]);
      return version;
    });
  }
}

const spanChanged = (c: ClaimCorrection) => c.start !== undefined || c.end !== undefined;

const refsOf = (c: ClaimCorrection, role: Role): string[] | undefined =>
  (role === 'source' ? c.sources : c.via)?.map((id) => id.toLowerCase());

/** The mention a reference to `sourceId` had on this claim: in the same role first. */
const keptMention = (refs: ClaimRef[], role: Role, sourceId: string): string | undefined =>
  (
    refs.find((r) => r.role === role && r.sourceId === sourceId) ??
    refs.find((r) => r.sourceId === sourceId)
  )?.mention;

/**
 * The registry sources a correction names, their rows locked (KEY SHARE, in id order) so no
 * merge retires them before the references are written. A merged source's id stands for its
 * survivor. Ids that name no source are invalid input, listed under the field that gave them.
 */
async function lockSources(tx: EntityManager, change: ClaimCorrection) {
  const named = [...new Set(ROLES.flatMap((r) => refsOf(change, r) ?? []))];
  const survivorOf = new Map<string, string>();
  const found = new Map<string, RegistrySource>();
  if (named.length > 0) {
    const rows = await tx.query<{ id: string; merged_into: string | null }[]>(
      `SELECT id, merged_into FROM sources WHERE id = ANY($1::uuid[]) ORDER BY id FOR KEY SHARE`,
      [named],
    );
    for (const r of rows) survivorOf.set(r.id, r.merged_into ?? r.id);
    const unknown = ROLES.flatMap((role) => {
      const missing = (refsOf(change, role) ?? []).filter((id) => !survivorOf.has(id));
      const field = role === 'source' ? 'sources' : 'via';
      return missing.length ? [`${field} names unknown sources: ${missing.join(', ')}`] : [];
    });
    if (unknown.length) throw new DomainError('invalid_input', unknown.join('; '));
    const survivors = await tx.query<RegistrySource[]>(
      `SELECT s.id, s.name,
         COALESCE((SELECT array_agg(a.alias ORDER BY a.alias) FROM source_aliases a WHERE a.source_id = s.id), '{}') AS aliases
       FROM sources s WHERE s.id = ANY($1::uuid[]) ORDER BY s.id FOR KEY SHARE`,
      [[...new Set(survivorOf.values())]],
    );
    for (const s of survivors) found.set(s.id, s);
  }
  return {
    /** The ids as they will be stored: survivors for merged sources, each once. */
    resolve: (ids: string[] | undefined) =>
      ids && [...new Set(ids.map((id) => survivorOf.get(id)!))],
    get: (id: string) => found.get(id)!,
  };
}

/** Replaces the claim's references in `roles` by `refs`. */
async function rewriteRefs(
  tx: EntityManager,
  claimId: string,
  roles: Role[],
  refs: ClaimRef[],
): Promise<void> {
  if (roles.length === 0) return;
  await tx.query('DELETE FROM claim_sources WHERE claim_id = $1 AND role = ANY($2::text[])', [
    claimId,
    roles,
  ]);
  if (refs.length > 0)
    await tx.query(
      `INSERT INTO claim_sources (claim_id, role, position, source_id, mention)
       SELECT $1, * FROM unnest($2::text[], $3::int[], $4::uuid[], $5::text[])`,
      [
        claimId,
        refs.map((r) => r.role),
        refs.map((r) => r.position),
        refs.map((r) => r.sourceId),
        refs.map((r) => r.mention),
      ],
    );
}
