import { Injectable } from '@nestjs/common';
import { ClaimReadCache, ReadService } from '@claimtrail/ingest';
import { claimCacheKey } from '../read-cache/cached-read';
import type { ClaimDetailDto } from './claim.dto';

/**
 * GET /claims/:id's answer as JSON bytes: kept in ClaimReadCache, or read (the claim, its
 * similar claims and its verdict history, in one statement) and kept. Rejects with the read's
 * DomainError for an unknown id.
 */
@Injectable()
export class ClaimDetails {
  constructor(
    private readonly read: ReadService,
    private readonly cache: ClaimReadCache,
  ) {}

  answer(id: string): Promise<Buffer> {
    // a verdict notifies the claim's change, so the kept answer never lags its history;
    // the answer is kept with the ids of the similar claims it shows, so that a verdict on
    // one of them (or a change of its text) drops it too
    return this.cache.claim(
      claimCacheKey(id),
      async (): Promise<ClaimDetailDto> => {
        // the claim, its similar claims and its verdicts in one read (an unknown id is a 404)
        const { claim, similar, history } = await this.read.claimDetail(id);
        return { ...claim, history, similar };
      },
      (answer) => answer.similar.map((s) => s.id),
    );
  }
}
