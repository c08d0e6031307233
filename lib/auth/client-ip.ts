// The caller's IP address, for per-IP throttling. Vercel (and most load balancers) set
// x-real-ip / x-forwarded-for to the real client. A bare `next start` only fills
// x-forwarded-for when the client sent none, so there a client can pick its own "IP": the
// per-IP limit is then a soft limit, and the per-account limit (which needs no IP) still holds.

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function read(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function clientIp(headers: HeaderSource): string {
  const realIp = read(headers, "x-real-ip")?.trim();
  if (realIp) return realIp.slice(0, 64);
  const first = read(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  return first ? first.slice(0, 64) : "unknown";
}
