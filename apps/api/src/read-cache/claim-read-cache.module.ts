import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { AppConfig } from '@claimtrail/config';
import { ClaimReadCache } from '@claimtrail/ingest';
import { ClaimChangesListener } from '@claimtrail/persistence';
import { APP_CONFIG } from '../infrastructure/tokens';

/**
 * Keeps the claim read cache honest: a connection of its own LISTENs for claim changes
 * (sent by every transaction that writes claims) and drops what they touch. The cache
 * serves only while that connection listens; it reconnects in the background, and the
 * API's health stays that of Postgres and Redis.
 */
@Injectable()
export class ClaimChangeFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ClaimReadCache');
  private readonly listener: ClaimChangesListener;
  private wasListening = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig, cache: ClaimReadCache) {
    this.listener = new ClaimChangesListener(config.databaseUrl, {
      listening: () => {
        cache.listening();
        if (this.wasListening) this.logger.log('claim changes heard again: caching resumes');
        this.wasListening = true;
      },
      changed: (ids) => cache.changed(ids),
      lost: (error) => {
        cache.lost();
        if (this.wasListening)
          this.logger.warn(`claim changes unheard (${error?.message}): reads bypass the cache`);
        this.wasListening = false;
      },
    });
  }

  onApplicationBootstrap(): void {
    this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener.stop();
  }
}

/** The claim read cache, fed by claim-change notifications (nothing is cached at maxAge 0). */
@Global()
@Module({})
export class ClaimReadCacheModule {
  static forRoot(config: AppConfig): DynamicModule {
    const enabled = config.claimCacheMaxAgeMs > 0;
    return {
      module: ClaimReadCacheModule,
      providers: [
        {
          provide: ClaimReadCache,
          // without the feed the cache never hears that it may serve: every read goes through
          useValue: new ClaimReadCache({
            maxBytes: config.claimCacheMb * 1024 * 1024,
            maxAgeMs: Math.max(config.claimCacheMaxAgeMs, 1),
          }),
        },
        ...(enabled ? [ClaimChangeFeed] : []),
      ],
      exports: [ClaimReadCache],
    };
  }
}
