import type { Redis } from 'ioredis';

const held = new WeakSet<object>();

/**
 * Holds back what is written to the connection until the end of this turn of the event
 * loop, so that the commands sent meanwhile (the lock scripts of every lease or verdict of
 * a batch, each its own BullMQ call) leave in one write, and Redis answers them in one.
 * Every message between processes costs both sides CPU; on a busy desk most of a lease's
 * or a verdict's Redis cost is messages, not work. The commands and their order are
 * unchanged: they only wait for the end of the turn (the next check phase).
 */
export function coalesceWrites(redis: Redis): void {
  const stream = redis.stream as Redis['stream'] | undefined;
  if (!stream || !stream.writable || held.has(stream)) return;
  held.add(stream);
  stream.cork();
  setImmediate(() => {
    held.delete(stream);
    stream.uncork();
  });
}
