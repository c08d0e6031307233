import { isIP } from "node:net";

// The caller's address, for the per-IP sign-in limits (docs/auth.md "Client IP"). Every
// forwarded header can be written by the client, so only what a proxy we trust wrote counts:
// - on Vercel, `x-vercel-forwarded-for` (Vercel overwrites it), else `x-real-ip` (likewise);
// - behind TRUSTED_PROXY_HOPS proxies that each append to X-Forwarded-For, the entry that many
//   places from the right: the address the outermost trusted proxy saw;
// - with no proxy (0), nothing: Next.js keeps a client's own X-Forwarded-For and only fills it in
//   when the client sent none, so the app cannot tell the two apart. The address is unknown (null).

export type ProxyTrust = { VERCEL?: string | undefined; TRUSTED_PROXY_HOPS: number };
type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function read(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

function entries(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** The address in one header entry, without a port; IPv6 as its /64, the unit one subscriber gets. */
function normalize(entry: string | undefined): string | null {
  if (!entry) return null;
  let address = entry;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const mapped = /^::ffff:([\d.]+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  const version = isIP(address);
  if (version === 4) return address;
  if (version === 6) return `${ipv6Prefix64(address)}::/64`;
  return null;
}

function ipv6Prefix64(address: string): string {
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return groups
    .slice(0, 4)
    .map((group) => (parseInt(group, 16) || 0).toString(16))
    .join(":");
}

/** The client's address as the trusted proxies report it, or null when no trusted hop reported one. */
export function clientIp(headers: HeaderSource, trust: ProxyTrust): string | null {
  if (trust.VERCEL) return normalize(entries(read(headers, "x-vercel-forwarded-for"))[0] ?? read(headers, "x-real-ip")?.trim());
  const hops = trust.TRUSTED_PROXY_HOPS;
  if (hops <= 0) return null;
  const forwarded = entries(read(headers, "x-forwarded-for"));
  return forwarded.length >= hops ? normalize(forwarded[forwarded.length - hops]) : null;
}
