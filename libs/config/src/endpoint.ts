/**
 * Where a configured URL points, without its credentials or query ("127.0.0.1:5432/claimtrail"),
 * for log lines and error messages.
 */
export function endpointOf(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname === '/' ? '' : u.pathname;
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${path}`;
  } catch {
    return '(invalid URL)';
  }
}
