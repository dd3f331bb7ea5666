import type { Veracity } from '@claimtrail/persistence';

/**
 * A verdict's veracity on the ClaimReview rating scale: 1 (false) to 5 (true), with its label
 * in words as `alternateName`. 3 would be "half true", which claimtrail does not give;
 * "misleading" sits with the mostly false at 2. "Unverifiable" is not a point on a scale of
 * truth, so it has a label and no number.
 */
export const VERACITY_RATINGS: Record<Veracity, { label: string; value?: number }> = {
  true: { label: 'True', value: 5 },
  mostly_true: { label: 'Mostly true', value: 4 },
  misleading: { label: 'Misleading', value: 2 },
  false: { label: 'False', value: 1 },
  unverifiable: { label: 'Unverifiable' },
};
export const BEST_RATING = 5;
export const WORST_RATING = 1;

/** Source kinds that are people; every other kind (outlets, governments, …) is an organisation. */
const PERSON_KINDS = new Set(['person', 'person_group', 'unknown']);

/** What a ClaimReview is made from: a claim with its current verdict and its article. */
export interface ReviewedClaim {
  id: string;
  text: string;
  /** ClaimReview rates veracity; the attribution axis is in the claims-csv export. */
  veracity: Veracity;
  rationale: string | null;
  /** When the current verdict was given (ISO 8601). */
  reviewedAt: string;
  /** When the verdict is due for re-verification (ISO 8601), if ever. */
  reverifyAt: string | null;
  /** The sources the article attributes the claim to, in order. */
  sources: { name: string; kind: string }[];
  article: {
    url: string | null;
    headline: string | null;
    outlet: string | null;
    /** When the article was published, or else when claimtrail received it (ISO 8601). */
    publishedAt: string;
  };
}

export interface ClaimReviewPublisher {
  /** The newsroom that publishes the reviews. */
  newsroom: { name: string; url: string };
  /** Where readers reach claimtrail; a review's url is `<this>/claims/<id>`. */
  publicBaseUrl: string;
}

type Party = { '@type': 'Person' | 'Organization'; name: string };

export interface ClaimReview {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  url: string;
  claimReviewed: string;
  datePublished: string;
  expires?: string;
  author: { '@type': 'Organization'; name: string; url: string };
  reviewRating: {
    '@type': 'Rating';
    alternateName: string;
    ratingValue?: number;
    bestRating?: number;
    worstRating?: number;
    ratingExplanation?: string;
  };
  itemReviewed: {
    '@type': 'Claim';
    author?: Party | Party[];
    datePublished: string;
    appearance?: CreativeWork[];
    firstAppearance?: CreativeWork;
  };
}

interface CreativeWork {
  '@type': 'CreativeWork';
  url?: string;
  headline?: string;
  publisher?: { '@type': 'Organization'; name: string };
}

/**
 * Who the claim is by, as the article has it: its sources (people as Person, the rest as
 * Organization), one or several; a claim in the outlet's own voice is the outlet's.
 */
function authorOf(claim: ReviewedClaim): Party | Party[] | undefined {
  const parties = claim.sources.map((s): Party => ({
    '@type': PERSON_KINDS.has(s.kind) ? 'Person' : 'Organization',
    name: s.name,
  }));
  if (parties.length === 0 && claim.article.outlet)
    return { '@type': 'Organization', name: claim.article.outlet };
  return parties.length === 1 ? parties[0] : parties.length > 1 ? parties : undefined;
}

/**
 * A URL as a URI (non-ASCII characters and quotes percent-encoded, as `new URL` writes it):
 * article URLs are stored as they were given. Undefined when it is no absolute URL.
 */
function uriOf(url: string | null): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  return new URL(url).href;
}

/** The article the claim appeared in, as far as it is known. */
function appearanceOf(article: ReviewedClaim['article']): CreativeWork | undefined {
  const url = uriOf(article.url);
  if (!url && !article.headline) return undefined;
  return {
    '@type': 'CreativeWork',
    ...(url ? { url } : {}),
    ...(article.headline ? { headline: article.headline } : {}),
    ...(article.outlet ? { publisher: { '@type': 'Organization', name: article.outlet } } : {}),
  };
}

/** The schema.org ClaimReview of one reviewed claim. Pure: same input, same output. */
export function claimReviewOf(claim: ReviewedClaim, publisher: ClaimReviewPublisher): ClaimReview {
  const rating = VERACITY_RATINGS[claim.veracity];
  const author = authorOf(claim);
  const appearance = appearanceOf(claim.article);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${publisher.publicBaseUrl}/claims/${claim.id}`,
    claimReviewed: claim.text,
    datePublished: claim.reviewedAt,
    ...(claim.reverifyAt ? { expires: claim.reverifyAt } : {}),
    author: {
      '@type': 'Organization',
      name: publisher.newsroom.name,
      url: publisher.newsroom.url,
    },
    reviewRating: {
      '@type': 'Rating',
      alternateName: rating.label,
      ...(rating.value === undefined
        ? {}
        : { ratingValue: rating.value, bestRating: BEST_RATING, worstRating: WORST_RATING }),
      ...(claim.rationale ? { ratingExplanation: claim.rationale } : {}),
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(author ? { author } : {}),
      datePublished: claim.article.publishedAt,
      ...(appearance ? { appearance: [appearance], firstAppearance: appearance } : {}),
    },
  };
}
