import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
} from 'class-validator';
import { CLAIM_TYPES, type ClaimType } from '@claimtrail/attribution';
import { ErrorDto } from '../common/error.dto';

/** Sources (or relays) one claim may name. */
export const MAX_CLAIM_REFS = 20;
/** Postgres's integer: offsets and versions beyond it are no claim's. */
const MAX_INT = 2_147_483_647;

/** A list of registry source ids, validated and documented. */
const SourceIds = (field: string, who: string) =>
  applyDecorators(
    ApiPropertyOptional({
      type: [String],
      format: 'uuid',
      maxItems: MAX_CLAIM_REFS,
      uniqueItems: true,
      description: `Registry ids of ${who}, in order; replaces the claim's list ([] empties it). A merged source's id stands for the source it was merged into. Ids of no source are a 400 naming them.`,
    }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(MAX_CLAIM_REFS),
    IsUUID('all', { each: true, message: `each value in ${field} must be a source id (a UUID)` }),
    ArrayUnique({ message: `${field} must not name a source twice` }),
  );

/** PATCH /claims/:id: the fields given change, against the version the editor read. */
export class CorrectClaimDto {
  @ApiProperty({
    minimum: 1,
    description:
      'The claim’s `version` as the editor read it. The correction applies only to that version: if the claim changed since, 409 with the current version.',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  version!: number;

  @SourceIds('sources', 'who made the claim')
  sources?: string[];

  @SourceIds('via', 'who relayed it')
  via?: string[];

  @ApiPropertyOptional({
    minimum: 0,
    description:
      'New start of the claim in its article’s text (UTF-16 units, as `start` is given). 0 ≤ start < end ≤ the text’s length; the claim’s text is cut from the article again.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_INT)
  start?: number;

  @ApiPropertyOptional({ minimum: 1, description: 'New end of the claim (exclusive).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  end?: number;

  @ApiPropertyOptional({ enum: CLAIM_TYPES })
  @IsOptional()
  @IsIn(CLAIM_TYPES)
  type?: ClaimType;
}

export class MergeSourceDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The source that remains: it takes the claims and aliases of the merged one.',
  })
  @IsUUID('all', { message: 'intoId must be a UUID' })
  intoId!: string;
}

/** A 409 for a stale version: the version to read and redo the change against. */
export class StaleVersionErrorDto extends ErrorDto {
  @ApiProperty({ example: 4, description: 'The claim’s version now.' })
  currentVersion!: number;
}
