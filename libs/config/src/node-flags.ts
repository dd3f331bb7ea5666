/**
 * Node flags for the API and worker processes, wherever they are started (`npm start`, the
 * Docker image through NODE_OPTIONS, the pipeline benchmark).
 *
 * `--max-semi-space-size=64`: a young generation of up to 64 MiB per semi-space (V8's default
 * is 16 MiB). Extraction and intake allocate many short-lived objects per batch (engine
 * results, query parameters, job payloads); with more room, fewer scavenges run and fewer of
 * those objects survive one and get copied. Measured with bench:pipeline: CPU per article
 * 3.15-3.26 ms without it, 3.00-3.01 ms with 64 MiB, 3.09-3.15 with 32 and 3.11 with 128.
 * It costs up to about 100 MiB more memory per busy process (two semi-spaces of 64 MiB).
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
