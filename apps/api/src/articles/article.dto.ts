import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGES } from '@claimtrail/attribution';
import { ARTICLE_STATUSES } from '@claimtrail/persistence';
import { ClaimDto } from '../claims/claim.dto';

/** Longest headline, outlet and URL accepted, in characters. */
export const ARTICLE_FIELD_LIMITS = { headline: 1000, outlet: 300, url: 2048 } as const;

/** A POST /articles body once SubmitArticlePipe has checked it. */
export interface SubmitArticleBody {
  text: string;
  headline?: string | null;
  outlet?: string | null;
  url?: string | null;
  language?: 'ar' | 'en' | null;
  publishedAt?: string | null;
}

/** The body's documentation; SubmitArticlePipe validates it (see there why not here). */
export class SubmitArticleDto implements SubmitArticleBody {
  @ApiProperty({
    description:
      'The article text, headline optional on the first line. 1 to MAX_ARTICLE_CHARS characters (200,000 by default); longer → 413.',
    minLength: 1,
  })
  text!: string;

  @ApiPropertyOptional({ maxLength: ARTICLE_FIELD_LIMITS.headline })
  headline?: string;

  @ApiPropertyOptional({
    maxLength: ARTICLE_FIELD_LIMITS.outlet,
    description: 'The publishing outlet; never listed as a relay of its own claims.',
  })
  outlet?: string;

  @ApiPropertyOptional({
    format: 'uri',
    maxLength: ARTICLE_FIELD_LIMITS.url,
    description: 'http or https.',
  })
  url?: string;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Detected when omitted.' })
  language?: 'ar' | 'en';

  @ApiPropertyOptional({ format: 'date-time', description: 'ISO 8601; not in the future.' })
  publishedAt?: string;
}

export class ArticleAcceptedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ARTICLE_STATUSES, example: 'queued' }) status!: string;
}

export class ArticleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) headline!: string | null;
  @ApiProperty({ type: String, nullable: true }) outlet!: string | null;
  @ApiProperty({ type: String, nullable: true }) url!: string | null;
  @ApiProperty({ type: String, enum: LANGUAGES, nullable: true }) language!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
  @ApiProperty({ enum: ARTICLE_STATUSES }) status!: string;
  @ApiPropertyOptional({ description: 'Why extraction failed (status failed).' }) error?: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) extractedAt?: string;
  @ApiProperty({ type: [ClaimDto], description: 'In article order; empty until extracted.' })
  claims!: ClaimDto[];
}
