import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Responses other than `expectStatus`, and connection errors or time-outs. */
  unexpected: number;
  statuses: Record<string, number>;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Stop after this many responses ... */
  amount?: number;
  /** ... or after this many seconds. */
  seconds?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Called for every request: its path and body. */
  next: () => { path: string; body?: string };
  expectStatus: number;
}

/**
 * One autocannon run in this process (keep-alive connections, one request in flight each),
 * bounded by a count or a duration and by a 10 s timeout per request.
 */
export async function load(options: LoadOptions): Promise<LoadResult> {
  // autocannon's own duration is counted in whole seconds: time the responses here
  const started = performance.now();
  let lastResponse = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(options.amount === undefined ? {} : { amount: options.amount }),
        duration: options.seconds ?? 300,
        timeout: 10,
        requests: [
          {
            method: options.method ?? 'GET',
            headers: options.headers ?? {},
            setupRequest: (request) => ({ ...request, ...options.next() }),
          },
        ],
      },
      (error, r) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(r),
    );
    instance.on('response', () => (lastResponse = performance.now()));
  });
  const seconds = (lastResponse - started) / 1000;
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
    statuses[code] = stat.count ?? 0;
  const expected = statuses[String(options.expectStatus)] ?? 0;
  return {
    requests: result.requests.total,
    seconds,
    perSecond: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    unexpected: result.requests.total - expected + result.errors,
    statuses,
  };
}
