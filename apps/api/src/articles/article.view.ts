import type { ClaimView } from '@claimtrail/ingest';
import type { ArticleEntity } from '@claimtrail/persistence';
import type { ArticleDto } from './article.dto';

/** The contract's Article: no text (the client has it), optional fields only when set. */
export function toArticleView(article: ArticleEntity, claims: ClaimView[]): ArticleDto {
  return {
    id: article.id,
    headline: article.headline,
    outlet: article.outlet,
    url: article.url,
    language: article.language,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    status: article.status,
    ...(article.error ? { error: article.error } : {}),
    createdAt: article.createdAt.toISOString(),
    ...(article.extractedAt ? { extractedAt: article.extractedAt.toISOString() } : {}),
    claims,
  };
}
