import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { LANGUAGES } from '@claimtrail/attribution';
import { ARTICLE_STATUSES } from '@claimtrail/persistence';
import { ClaimDto } from '../claims/claim.dto';
import { IsIsoDateInRange, IsNotBlank, IsStorableText } from '../common/validators';

/** Clocks differ and datelines carry time zones: a day ahead still counts as "now". */
const PUBLISHED_AT_SLACK_MS = 24 * 3600 * 1000;

export class SubmitArticleDto {
  @ApiProperty({
    description:
      'The article text, headline optional on the first line. 1 to MAX_ARTICLE_CHARS characters (200,000 by default); longer → 413.',
    minLength: 1,
  })
  @IsString()
  @IsStorableText()
  @MinLength(1)
  @IsNotBlank()
  text!: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @IsStorableText()
  @MaxLength(1000)
  headline?: string;

  @ApiPropertyOptional({
    maxLength: 300,
    description: 'The publishing outlet; never listed as a relay of its own claims.',
  })
  @IsOptional()
  @IsString()
  @IsStorableText()
  @MaxLength(300)
  outlet?: string;

  @ApiPropertyOptional({ format: 'uri', maxLength: 2048, description: 'http or https.' })
  @IsOptional()
  @IsString()
  @IsStorableText()
  @MaxLength(2048)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'url must be an http or https URL' },
  )
  url?: string;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Detected when omitted.' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: 'ar' | 'en';

  @ApiPropertyOptional({ format: 'date-time', description: 'ISO 8601; not in the future.' })
  @IsOptional()
  @IsIsoDateInRange(PUBLISHED_AT_SLACK_MS)
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
