/** Injection tokens for values that have no class of their own to stand for them. */
export const APP_CONFIG = Symbol('APP_CONFIG');
/** The Redis connection the API produces jobs on (fails fast while Redis is away). */
export const PRODUCER_REDIS = Symbol('PRODUCER_REDIS');
/** The re-verification sweep's queue: the workers schedule it, the API reads its schedule. */
export const REVERIFY_QUEUE = Symbol('REVERIFY_QUEUE');
