import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { isIn, isString, isURL, maxLength } from 'class-validator';
import { LANGUAGES } from '@claimtrail/attribution';
import {
  isIsoDateInRange,
  isNotBlank,
  isoDateInRangeMessage,
  isStorableText,
  notBlankMessage,
  storableTextMessage,
} from '../common/validators';
import { ARTICLE_FIELD_LIMITS, type SubmitArticleBody } from './article.dto';

/** Clocks differ and datelines carry time zones: a day ahead still counts as "now". */
const PUBLISHED_AT_SLACK_MS = 24 * 3600 * 1000;

interface Rule {
  ok: (value: unknown) => boolean;
  message: string;
}

const string = (field: string): Rule => ({ ok: isString, message: `${field} must be a string` });
const storable = (field: string): Rule => ({
  ok: isStorableText,
  message: storableTextMessage(field),
});
const shorterThan = (field: keyof typeof ARTICLE_FIELD_LIMITS): Rule => ({
  ok: (v) => maxLength(v, ARTICLE_FIELD_LIMITS[field]),
  message: `${field} must be shorter than or equal to ${ARTICLE_FIELD_LIMITS[field]} characters`,
});

/** Each field's rules in the order they are checked; the first that fails is reported. */
const RULES: Record<keyof SubmitArticleBody, Rule[]> = {
  text: [string('text'), storable('text'), { ok: isNotBlank, message: notBlankMessage('text') }],
  headline: [string('headline'), storable('headline'), shorterThan('headline')],
  outlet: [string('outlet'), storable('outlet'), shorterThan('outlet')],
  url: [
    string('url'),
    storable('url'),
    shorterThan('url'),
    {
      ok: (v) =>
        isURL(v as string, {
          protocols: ['http', 'https'],
          require_protocol: true,
          require_tld: false,
        }),
      message: 'url must be an http or https URL',
    },
  ],
  language: [
    {
      ok: (v) => isIn(v, LANGUAGES),
      message: `language must be one of the following values: ${LANGUAGES.join(', ')}`,
    },
  ],
  publishedAt: [
    {
      ok: (v) => isIsoDateInRange(v, PUBLISHED_AT_SLACK_MS),
      message: isoDateInRangeMessage('publishedAt', PUBLISHED_AT_SLACK_MS),
    },
  ],
};
const FIELDS = Object.keys(RULES) as (keyof SubmitArticleBody)[];
const REQUIRED: ReadonlySet<string> = new Set(['text']);

/**
 * Validates a POST /articles body with the rules and the messages the class-validator
 * decorators give the other bodies (unknown properties refused, optional fields may be null,
 * every bad field named), as plain function calls. Every article comes through here, and
 * ValidationPipe's class-transformer copy and class-validator's metadata walk were about an
 * eighth of the API's CPU per article, more than anything else in the request but I/O.
 */
export class SubmitArticlePipe implements PipeTransform<unknown, SubmitArticleBody> {
  transform(body: unknown): SubmitArticleBody {
    // the JSON parser lets only objects through; no body at all is an empty one
    const input = (body ?? {}) as Record<string, unknown>;
    const errors: string[] = [];
    for (const key of Object.keys(input))
      if (!Object.hasOwn(RULES, key)) errors.push(`property ${key} should not exist`);
    for (const field of FIELDS) {
      const value = input[field];
      if ((value === undefined || value === null) && !REQUIRED.has(field)) continue;
      const broken = RULES[field].find((rule) => !rule.ok(value));
      if (broken) errors.push(broken.message);
    }
    if (errors.length > 0) throw new BadRequestException(errors);
    return input as unknown as SubmitArticleBody;
  }
}
