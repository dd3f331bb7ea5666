/**
 * The API key a request carries: `Authorization: Bearer <key>`, or HTTP Basic with the key as
 * the password (so a browser can open the docs and the queue dashboard). Returns undefined
 * when there is none or the header is malformed.
 */
export function apiKeyFrom(
  authorization: string | string[] | undefined,
  allowBasic = false,
): string | undefined {
  if (typeof authorization !== 'string' || authorization.length > 4096) return undefined;
  const m = /^([A-Za-z]+) +(\S+) *$/.exec(authorization);
  if (!m) return undefined;
  const scheme = m[1]!.toLowerCase();
  if (scheme === 'bearer') return m[2];
  if (scheme === 'basic' && allowBasic) {
    const decoded = Buffer.from(m[2]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const password = colon >= 0 ? decoded.slice(colon + 1) : '';
    return password.length > 0 ? password : undefined;
  }
  return undefined;
}
