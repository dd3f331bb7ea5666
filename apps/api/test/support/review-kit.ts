import type { Redis } from 'ioredis';
import type { LightMyRequestResponse } from 'fastify';
import { AuditLog } from '@claimtrail/audit';
import { ExtractionService } from '@claimtrail/ingest';
import { createRedis } from '@claimtrail/queues';
import { PartitionedQueueGateway } from '@claimtrail/workflow';
import { TEST_REDIS_URL } from '../../../../test/support/queues';
import type { ApiHarness } from './api-harness';

export interface LeaseBody {
  claim: {
    id: string;
    status: string;
    version: number;
    language: string;
    checkworthiness: number;
    verdict?: unknown;
  };
  lease: { token: string; expiresAt: string };
}

export const json = <T>(r: LightMyRequestResponse): T => JSON.parse(r.body) as T;

/**
 * Feeds the review queue as the worker does: articles go in over HTTP, are extracted, and
 * their claims are put on their review partitions by the worker's queue gateway.
 */
export class ReviewKit {
  private readonly redis: Redis;
  readonly gateway: PartitionedQueueGateway;
  private n = 0;

  constructor(private readonly api: ApiHarness) {
    this.redis = createRedis(TEST_REDIS_URL);
    this.gateway = new PartitionedQueueGateway(
      this.redis,
      api.config.queuePrefix,
      api.db.dataSource,
    );
  }

  /** Ingests one article and queues its claims for review; returns the claim ids. */
  async ingest(text: string, fields: { outlet?: string; language?: 'ar' | 'en' } = {}) {
    const res = await this.api.call('editor', {
      method: 'POST',
      url: '/articles',
      payload: { text, ...fields },
    });
    if (res.statusCode !== 202) throw new Error(`POST /articles: ${res.statusCode} ${res.body}`);
    const { id } = json<{ id: string }>(res);
    const outcome = await new ExtractionService(
      this.api.db.dataSource,
      new AuditLog(),
    ).extractArticle(id);
    if (outcome.kind !== 'extracted') throw new Error(`extraction: ${outcome.kind}`);
    await this.gateway.enqueueReview(outcome.claims);
    return outcome.claims.map((c) => c.id);
  }

  /** An English article of `claims` sentences, each a claim of its own speaker. */
  englishArticle(claims: number): string {
    this.n += 1;
    const lines = Array.from(
      { length: claims },
      (_, i) =>
        `Minister ${String.fromCharCode(65 + (i % 26))}${i} said on Monday that ${i + 1} convoys crossed the border in week ${this.n}.`,
    );
    return `Border report ${this.n}\n${lines.join('\n')}`;
  }

  /** An English article that yields exactly one claim. */
  oneClaimArticle(): string {
    this.n += 1;
    return `Minister Z${this.n} said on Monday that ${this.n} convoys crossed the border.`;
  }

  lease(who: string, body: object = {}): Promise<LightMyRequestResponse> {
    return this.as(who, 'POST', '/review/lease', body);
  }

  heartbeat(who: string, claimId: string, token: string) {
    return this.as(who, 'POST', `/review/${claimId}/heartbeat`, { token });
  }

  release(who: string, claimId: string, token: string) {
    return this.as(who, 'POST', `/review/${claimId}/release`, { token });
  }

  verdict(who: string, claimId: string, body: object) {
    return this.as(who, 'POST', `/review/${claimId}/verdict`, body);
  }

  /** A request as `who`: a role (with the harness's key for it) or a raw key. */
  as(who: string, method: 'GET' | 'POST', url: string, payload?: object) {
    const key = (this.api.keys as Record<string, string>)[who] ?? who;
    return this.api.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${key}` },
      ...(payload ? { payload } : {}),
    });
  }

  async close(): Promise<void> {
    await this.gateway.close();
    await this.redis.quit();
  }
}
