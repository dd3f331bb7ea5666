import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { LANGUAGES } from '@claimtrail/attribution';
import { ATTRIBUTIONS, VERACITIES, type Attribution, type Veracity } from '@claimtrail/persistence';
import { IsIsoDateInRange, IsNotBlank, IsStorableText } from '../common/validators';

export const MAX_RATIONALE_CHARS = 10_000;
export const MAX_EVIDENCE_LINKS = 20;

export class LeaseRequestDto {
  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Only claims in this language.' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: 'ar' | 'en';

  @ApiPropertyOptional({
    maxLength: 300,
    example: 'The National',
    description:
      'Only claims of this desk. A desk is the outlet an article came from (its `outlet`), compared without regard to case or spacing; claims of articles without an outlet belong to no desk.',
  })
  @IsOptional()
  @IsString()
  @IsStorableText()
  @MinLength(1)
  @MaxLength(300)
  @IsNotBlank()
  desk?: string;
}

export class LeaseTokenDto {
  @ApiProperty({ format: 'uuid', description: 'The token POST /review/lease gave.' })
  @IsUUID('all', { message: 'token must be a lease token (a UUID)' })
  token!: string;
}

export class EvidenceLinkDto {
  @ApiProperty({ format: 'uri', maxLength: 2048, description: 'http or https.' })
  @IsString()
  @IsStorableText()
  @MaxLength(2048)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'url must be an http or https URL' },
  )
  url!: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @IsStorableText()
  @MaxLength(1000)
  note?: string;
}

export class VerdictRequestDto extends LeaseTokenDto {
  @ApiProperty({ enum: ATTRIBUTIONS, description: 'Did the named source say it?' })
  @IsIn(ATTRIBUTIONS)
  attribution!: Attribution;

  @ApiProperty({ enum: VERACITIES, description: 'Is it so?' })
  @IsIn(VERACITIES)
  veracity!: Veracity;

  @ApiPropertyOptional({
    maxLength: MAX_RATIONALE_CHARS,
    description: 'Why. Required unless attribution is confirmed and veracity is true.',
  })
  @IsOptional()
  @IsString()
  @IsStorableText()
  @MaxLength(MAX_RATIONALE_CHARS)
  @IsNotBlank()
  rationale?: string;

  @ApiPropertyOptional({ type: [EvidenceLinkDto], maxItems: MAX_EVIDENCE_LINKS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_EVIDENCE_LINKS)
  @IsObject({ each: true, message: 'each value in evidence must be an object {url, note?}' })
  @ValidateNested({ each: true })
  @Type(() => EvidenceLinkDto)
  evidence?: EvidenceLinkDto[];

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the verdict is due for re-verification; ISO 8601, in the future.',
  })
  @IsOptional()
  @IsIsoDateInRange(Infinity)
  reverifyAt?: string;
}

export class AssignClaimDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The API key of the reviewer (a reviewer, editor or admin key, not revoked).',
  })
  @IsUUID('all', { message: 'apiKeyId must be a UUID' })
  apiKeyId!: string;
}
