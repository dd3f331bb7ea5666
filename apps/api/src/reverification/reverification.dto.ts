import { ApiProperty } from '@nestjs/swagger';
import { REVERIFY_KEYS } from '@claimtrail/config';

export class ReverificationScheduleDto {
  @ApiProperty({
    example: '*/5 * * * *',
    description:
      'The cron pattern the workers sweep on (REVERIFY_CRON): as a worker registered it, or as configured while none has.',
  })
  cron!: string;
  @ApiProperty({ example: 'UTC', description: 'The time zone the pattern is read in.' })
  timezone!: string;
  @ApiProperty({
    description:
      'Whether a worker has registered the sweep; until one has, nothing is swept and nextRuns are those of the configured pattern.',
  })
  registered!: boolean;
  @ApiProperty({
    type: [String],
    format: 'date-time',
    description:
      'The next five sweeps, soonest first. The first is the one BullMQ has scheduled (it may be past while no worker runs).',
  })
  nextRuns!: string[];
}

export class UpcomingReverificationDto {
  @ApiProperty({ format: 'uuid' }) claimId!: string;
  @ApiProperty({ format: 'date-time' }) reverifyAt!: string;
}

export class ReverificationStatusDto {
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(
      REVERIFY_KEYS.map((k) => [k, { type: 'string', example: k === 'true' ? 'P90D' : 'P3D' }]),
    ),
    example: {
      unverifiable: 'P3D',
      misleading: 'P14D',
      false: 'P30D',
      mostly_true: 'P60D',
      true: 'P90D',
    },
    description:
      'How long after a verdict it is due again (REVERIFY_AFTER), as ISO 8601 durations, per veracity or attribution value; a verdict with both set is due after the shorter. Values not listed are never due unless the reviewer gives a date. A reviewer’s own reverifyAt wins over the policy.',
  })
  policy!: Record<string, string>;
  @ApiProperty({ type: ReverificationScheduleDto }) schedule!: ReverificationScheduleDto;
  @ApiProperty({
    description:
      'Reviewed claims whose re-verification date has passed: the next sweep puts them back on the review queue.',
  })
  due!: number;
  @ApiProperty({
    type: [UpcomingReverificationDto],
    description: 'The ten reviewed claims due soonest (those past due first).',
  })
  upcoming!: UpcomingReverificationDto[];
}
