import type { Gazetteer } from '../gazetteer/gazetteer';
import type { Language } from '../types';
import { tokenize, type Token } from '../text/tokens';

/**
 * Check-worthiness in 0..1: how much a claim is worth a fact-checker's time. A weighted
 * sum of documented features, squashed by a logistic function:
 *
 * | feature | weight | why |
 * |---|---|---|
 * | numbers and figures | 1.2 | quantities can be checked against records |
 * | casualty words (killed, wounded, قتلى، إصابة) | 1.4 | the figures fact-checkers are asked about most |
 * | dates and days | 0.5 | anchor a claim in time |
 * | named entities (gazetteer hits, capitalised names) | 0.35 each, at most 3 | who and where |
 * | comparisons and superlatives (more than, أكبر) | 0.6 | "the largest", "doubled" |
 * | causal links (because, led to, أدى إلى، بسبب) | 0.6 | cause claims are often contested |
 * | attributed to a source | 0.4 | someone is on record |
 * | opinion, hedging or future tense (may, could, قد، سوف) | -0.7 | predictions cannot be checked yet |
 * | very short (< 6 words) | -0.8 | too little to check |
 */
const CASUALTY =
  /(?:\b(?:killed|kill|dead|deaths?|died|wounded|injured|injuries|casualties|fatalities|missing|displaced|arrested|detained)\b|قتل|مقتل|قتلى|قتيل|اصاب|اصابه|اصيب|اصيبوا|جرحى|جريح|مصرع|وفاه|وفيات|ضحايا|شهيد|شهداء|نازح|مفقود|اعتقال|معتقل)/iu;
const DATE =
  /(?:\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|yesterday|today|last (?:week|month|year))\b|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|الاحد|يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|كانون|شباط|اذار|نيسان|ايار|حزيران|تموز|اب|ايلول|تشرين|امس|الماضي)/iu;
const NUMBER =
  /(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?|billions?|percent|half)\b|واحد|اثنين|اثنان|ثلاث|اربع|خمس|ست|سبع|ثماني|تسع|عشر|عشرات|مئات|الاف|مليون|ملايين|مليار|بالمئه|المئه|نصف)/iu;
const COMPARISON =
  /(?:\b(?:more|less|fewer|most|least|largest|biggest|highest|lowest|record|doubled|tripled|compared|than|worst|best)\b|اكثر|اقل|اكبر|اعلى|ادنى|اسوا|افضل|ضعف|مقارنه|قياسي|ارتفع|انخفض|تراجع)/iu;
const CAUSAL =
  /(?:\b(?:because|due to|led to|caused|causing|as a result|resulted|so that)\b|بسبب|ادى الى|ما ادى|نتيجه|تسبب|جراء|بفعل|لان)/iu;
const HEDGE =
  /(?:\b(?:may|might|could|would|should|will|hope|believe|think|expect)\b|قد |سوف|سي[^\s]|ربما|يامل|نامل|نتوقع|يتوقع)/iu;

export interface CheckworthinessInput {
  /** Normalised text of the claim. */
  text: string;
  attributed: boolean;
  language: Language;
  gazetteer: Gazetteer;
  /** The claim's tokens, when the caller has them already. */
  tokens?: readonly Token[];
}

export function checkworthiness(input: CheckworthinessInput): number {
  const { text } = input;
  const tokens = (input.tokens ?? tokenize(text)).filter((t) => t.word);
  let score = -1.2;
  if (NUMBER.test(text)) score += 1.2;
  if (CASUALTY.test(text)) score += 1.4;
  if (DATE.test(text)) score += 0.5;
  if (COMPARISON.test(text)) score += 0.6;
  if (CAUSAL.test(text)) score += 0.6;
  if (HEDGE.test(text)) score -= 0.7;
  if (input.attributed) score += 0.4;
  if (tokens.length < 6) score -= 0.8;
  const keys = tokens.map((t) => t.key);
  let entities = 0;
  for (let i = 0; i < tokens.length && entities < 3; i++) {
    const t = tokens[i]!;
    const first = input.language === 'ar' ? t.key.replace(/^(?:و|ب|ل|ف)(?=ال)/, '') : t.key;
    const m = input.gazetteer.matchAt(keys, i, first, t.text);
    if (m) {
      entities++;
      i += m.length - 1;
    } else if (input.language === 'en' && i > 0 && /^[A-Z][a-z]/.test(t.text)) entities++;
  }
  score += 0.35 * entities;
  const p = 1 / (1 + Math.exp(-score));
  return Math.round(p * 100) / 100;
}
