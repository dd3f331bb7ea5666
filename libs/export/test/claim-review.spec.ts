import { claimReviewOf, VERACITY_RATINGS, type ReviewedClaim } from '@claimtrail/export';

const publisher = {
  newsroom: { name: 'Desk «Verify», Beirut', url: 'https://desk.example' },
  publicBaseUrl: 'https://claims.example',
};

const claim = (over: Partial<ReviewedClaim> = {}): ReviewedClaim => ({
  id: '6f1c2d9e-1111-4222-8333-444455556666',
  text: 'قال الوزير إن "40 شاحنة" عبرت، وليس 400',
  veracity: 'false',
  rationale: 'The ministry\'s own figures say "fewer than 40".',
  reviewedAt: '2025-06-02T10:00:00.000Z',
  reverifyAt: '2025-07-02T10:00:00.000Z',
  sources: [{ name: 'Ahmad Khalil', kind: 'person' }],
  article: {
    url: 'https://news.example/a?x=1,2',
    headline: 'Convoys, "officials" say',
    outlet: 'The National',
    publishedAt: '2025-06-01T08:00:00.000Z',
  },
  ...over,
});

describe('claimReviewOf', () => {
  it('maps a reviewed claim to a schema.org ClaimReview', () => {
    expect(claimReviewOf(claim(), publisher)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://claims.example/claims/6f1c2d9e-1111-4222-8333-444455556666',
      claimReviewed: 'قال الوزير إن "40 شاحنة" عبرت، وليس 400',
      datePublished: '2025-06-02T10:00:00.000Z',
      expires: '2025-07-02T10:00:00.000Z',
      author: {
        '@type': 'Organization',
        name: 'Desk «Verify», Beirut',
        url: 'https://desk.example',
      },
      reviewRating: {
        '@type': 'Rating',
        alternateName: 'False',
        ratingValue: 1,
        bestRating: 5,
        worstRating: 1,
        ratingExplanation: 'The ministry\'s own figures say "fewer than 40".',
      },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Ahmad Khalil' },
        datePublished: '2025-06-01T08:00:00.000Z',
        appearance: [
          {
            '@type': 'CreativeWork',
            url: 'https://news.example/a?x=1,2',
            headline: 'Convoys, "officials" say',
            publisher: { '@type': 'Organization', name: 'The National' },
          },
        ],
        firstAppearance: {
          '@type': 'CreativeWork',
          url: 'https://news.example/a?x=1,2',
          headline: 'Convoys, "officials" say',
          publisher: { '@type': 'Organization', name: 'The National' },
        },
      },
    });
  });

  it('rates veracity from 1 (false) to 5 (true), and unverifiable in words only', () => {
    const rating = (veracity: ReviewedClaim['veracity']) =>
      claimReviewOf(claim({ veracity }), publisher).reviewRating;
    expect(rating('true')).toMatchObject({ alternateName: 'True', ratingValue: 5 });
    expect(rating('mostly_true')).toMatchObject({ alternateName: 'Mostly true', ratingValue: 4 });
    expect(rating('misleading')).toMatchObject({ alternateName: 'Misleading', ratingValue: 2 });
    expect(rating('false')).toMatchObject({ alternateName: 'False', ratingValue: 1 });
    const unverifiable = rating('unverifiable');
    expect(unverifiable.alternateName).toBe('Unverifiable');
    expect(unverifiable).not.toHaveProperty('ratingValue');
    expect(unverifiable).not.toHaveProperty('bestRating');
    expect(Object.keys(VERACITY_RATINGS).sort()).toEqual(
      ['false', 'misleading', 'mostly_true', 'true', 'unverifiable'].sort(),
    );
  });

  it('names people as Person and everyone else as Organization; joint sources as a list', () => {
    const review = claimReviewOf(
      claim({
        sources: [
          { name: 'US officials', kind: 'official_group' },
          { name: 'Reuters', kind: 'agency' },
          { name: 'residents', kind: 'person_group' },
        ],
      }),
      publisher,
    );
    expect(review.itemReviewed.author).toEqual([
      { '@type': 'Organization', name: 'US officials' },
      { '@type': 'Organization', name: 'Reuters' },
      { '@type': 'Person', name: 'residents' },
    ]);
  });

  it('gives the outlet as the author of a claim in its own voice, and leaves out what is unknown', () => {
    const own = claimReviewOf(claim({ sources: [] }), publisher);
    expect(own.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'The National' });
    const bare = claimReviewOf(
      claim({
        sources: [],
        rationale: null,
        reverifyAt: null,
        article: {
          url: null,
          headline: null,
          outlet: null,
          publishedAt: '2025-06-01T08:00:00.000Z',
        },
      }),
      publisher,
    );
    expect(bare).not.toHaveProperty('expires');
    expect(bare.reviewRating).not.toHaveProperty('ratingExplanation');
    expect(bare.itemReviewed).toEqual({
      '@type': 'Claim',
      datePublished: '2025-06-01T08:00:00.000Z',
    });
  });
});
