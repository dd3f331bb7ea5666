import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, MaxLength, MinLength } from 'class-validator';
import { CLAIM_TYPES, LANGUAGES } from '@claimtrail/attribution';
import { SIMILAR_SHOWN, SIMILARITY_THRESHOLD } from '@claimtrail/ingest';
import { ATTRIBUTIONS, CLAIM_STATUSES, VERACITIES } from '@claimtrail/persistence';
import { PageDto, PageQueryDto } from '../common/page-query.dto';
import { IsStorableText } from '../common/validators';
import { VerdictDto } from './verdict.dto';

export class SourceRefDto {
  @ApiProperty({ format: 'uuid', description: 'The source in the shared registry.' }) id!: string;
  @ApiProperty({ example: 'US officials' }) name!: string;
  @ApiProperty({ description: 'How this article refers to the source.' }) mention!: string;
}

export class ClaimDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) articleId!: string;
  @ApiProperty({ description: 'Position of the claim in its article, from 0.' }) ordinal!: number;
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'Offset of the claim in the article text (UTF-16 units).' })
  start!: number;
  @ApiProperty() end!: number;
  @ApiProperty() sentence!: number;
  @ApiProperty({ enum: CLAIM_TYPES }) type!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The reporting cue ("said", «قال»).' })
  cue!: string | null;
  @ApiProperty({ minimum: 0, maximum: 1 }) checkworthiness!: number;
  @ApiProperty({ enum: LANGUAGES }) language!: string;
  @ApiProperty({ type: [SourceRefDto], description: 'Who made the claim.' })
  sources!: SourceRefDto[];
  @ApiProperty({ type: [SourceRefDto], description: 'Through whom it was relayed.' })
  via!: SourceRefDto[];
  @ApiProperty({ enum: CLAIM_STATUSES }) status!: string;
  @ApiPropertyOptional({ type: VerdictDto, description: 'The current verdict (once reviewed).' })
  verdict?: VerdictDto;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the claim is due for re-verification (absent when it is not).',
  })
  reverifyAt?: string;
  @ApiProperty({ description: 'Optimistic-lock version.' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** A claim of another article whose text is close to this one's. */
export class SimilarClaimDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() text!: string;
  @ApiProperty({
    minimum: 0,
    maximum: 1,
    description: 'Trigram similarity of the two normalised texts (two decimals).',
  })
  similarity!: number;
  @ApiPropertyOptional({
    type: VerdictDto,
    description: 'Its current verdict (absent until reviewed): the claim was checked already.',
  })
  verdict?: VerdictDto;
}

export class ClaimDetailDto extends ClaimDto {
  @ApiProperty({ type: [VerdictDto], description: 'Every verdict given, oldest first.' })
  history!: VerdictDto[];
  @ApiProperty({
    type: [SimilarClaimDto],
    description: `Claims of other articles whose normalised text is close to this one's (trigram similarity, as pg_trgm measures it, at least ${SIMILARITY_THRESHOLD}), the closest first, at most ${SIMILAR_SHOWN}.`,
  })
  similar!: SimilarClaimDto[];
}

export class ClaimPageDto extends PageDto {
  @ApiProperty({ type: [ClaimDto] }) items!: ClaimDto[];
}

export class ClaimQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CLAIM_STATUSES })
  @IsOptional()
  @IsIn(CLAIM_STATUSES)
  status?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  articleId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Claims made or relayed by this source.' })
  @IsOptional()
  @IsUUID('all')
  sourceId?: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: string;

  @ApiPropertyOptional({ enum: VERACITIES, description: 'By the current verdict.' })
  @IsOptional()
  @IsIn(VERACITIES)
  veracity?: string;

  @ApiPropertyOptional({ enum: ATTRIBUTIONS, description: 'By the current verdict.' })
  @IsOptional()
  @IsIn(ATTRIBUTIONS)
  attribution?: string;

  @ApiPropertyOptional({ description: 'Words the claim text contains.', maxLength: 200 })
  @IsOptional()
  @IsStorableText()
  @MinLength(1)
  @MaxLength(200)
  q?: string;
}
