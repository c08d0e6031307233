// Where the production server listens (scripts/serve.ts, `npm start`), and how to say so. It
// binds 127.0.0.1 unless HOSTNAME says otherwise: safe on a laptop, but a container or VM reached
// from outside needs HOSTNAME=0.0.0.0 (behind a reverse proxy: README, "Self-hosting"), and a
// server that silently answers nobody is the failure the banner's note prevents.

export const DEFAULT_HOSTNAME = "127.0.0.1";

const WILDCARDS = new Set(["0.0.0.0", "::", "[::]"]);
const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** The address to bind: HOSTNAME when set (trimmed), else loopback. */
export function bindHostname(hostname: string | undefined): string {
  return hostname?.trim() || DEFAULT_HOSTNAME;
}

/** A URL this machine reaches the server on (a wildcard bind is reached through loopback). */
export function localUrl(hostname: string, port: number): string {
  if (WILDCARDS.has(hostname)) return `http://127.0.0.1:${port}`;
  const host = hostname.includes(":") && !hostname.startsWith("[") ? `[${hostname}]` : hostname;
  return `http://${host}:${port}`;
}

/** "127.0.0.1:3000 (this machine only: …)" — the bind address and who can reach it. */
export function describeBind(hostname: string, port: number): string {
  if (LOOPBACK.has(hostname)) {
    return `${hostname}:${port} (this machine only; to serve other machines set HOSTNAME=0.0.0.0 behind a reverse proxy, see README "Self-hosting")`;
  }
  if (WILDCARDS.has(hostname)) return `${hostname}:${port} (every network interface)`;
  return `${hostname}:${port}`;
}
