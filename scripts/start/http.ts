import { setTimeout as sleep } from 'node:timers/promises';
import { StartError } from './start-error';

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Aborted when waiting no longer makes sense (a child process died). */
  signal?: AbortSignal;
}

/**
 * Polls `probe` until it returns a value other than undefined. On timeout the error names
 * `what` and the last reason `probe` gave (through `describe`), so the user sees why.
 */
export async function waitFor<T>(
  what: string,
  probe: (note: (reason: string) => void) => Promise<T | undefined>,
  { timeoutMs, intervalMs = 250, signal }: WaitOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  const note = (reason: string) => {
    last = reason;
  };
  for (;;) {
    if (signal?.aborted)
      throw new StartError(`stopped waiting for ${what}: ${String(signal.reason)}`);
    const value = await probe(note);
    if (value !== undefined) return value;
    const left = deadline - Date.now();
    if (left <= 0)
      throw new StartError(`${what} did not happen within ${formatSeconds(timeoutMs)} (${last})`);
    await sleep(Math.min(intervalMs, left), undefined, { signal }).catch(() => undefined);
  }
}

const formatSeconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

const reasonOf = (e: unknown): string => {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
};

/** Waits until GET `url` answers 200. */
export function waitForHttpOk(url: string, options: WaitOptions): Promise<true> {
  return waitFor(
    `GET ${url} answering 200`,
    async (note) => {
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
        await res.body?.cancel();
        if (res.status === 200) return true;
        note(`last answer: ${res.status}`);
      } catch (e) {
        note(`last attempt: ${reasonOf(e)}`);
      }
      return undefined;
    },
    options,
  );
}

/** A JSON request to the API with an API key; returns the status and the parsed body. */
export async function apiRequest(
  baseUrl: string,
  key: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(new URL(path, baseUrl), {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text, for the error message
  }
  return { status: res.status, body: parsed };
}
