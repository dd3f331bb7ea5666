/** The two kinds of long-running service process. */
export type ServiceRole = 'api' | 'worker';

/**
 * Node flags for the API and worker processes, by role, wherever they are started
 * (`npm start`, the Docker image and compose file through NODE_OPTIONS, the benchmarks).
 *
 * The young generation's size (`--max-semi-space-size`, MiB per semi-space) trades CPU for
 * pause length: a larger one collects less often, so fewer short-lived objects survive a
 * collection and get copied, but each collection (a scavenge, which stops JavaScript) copies
 * what survived since the last one, so it pauses longer.
 *
 * Both are stated, as V8 otherwise picks the size itself: on a 24 GiB machine, Node 24
 * without the flag let the young generation grow to 64 MiB per semi-space.
 *
 * - **worker: 64 MiB.** Extraction allocates many short-lived objects per batch (engine
 *   results, query parameters, job payloads) and is measured by throughput. bench:pipeline,
 *   all services alike (443a0f9): CPU per article 3.15-3.26 ms without the flag, 3.00-3.01 ms
 *   with 64 MiB, 3.09-3.15 with 32 and 3.11 with 128. Up to about 100 MiB more memory per
 *   busy process.
 * - **api: 16 MiB.** The API is measured by its latency, and every answer it keeps in its
 *   read cache survives the next scavenge. During bench:pipeline's GET /claims/:id run,
 *   with 64 MiB, the API stopped 27 times in 12 s for 5.9 ms (median), 10 ms (9 in 10) and
 *   up to 30 ms, each stop holding up every request in flight; with 16 MiB, 154 times for
 *   1.35 ms (median), 2.6 ms (9 in 10) and up to 7.7 ms: a little more time in all (260
 *   against 202 ms), in stops a quarter as long.
 */
export const SERVICE_NODE_FLAGS: Readonly<Record<ServiceRole, readonly string[]>> = {
  api: ['--max-semi-space-size=16'],
  worker: ['--max-semi-space-size=64'],
};
