// next-auth v4's session cookie: "__Secure-" prefixed when the site is served over https, and
// split into ".0", ".1"… chunks when the JWT outgrows 4 KB. Client-safe (proxy.ts reads it).

export const SESSION_COOKIE_NAMES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;

export function isSessionCookieName(name: string): boolean {
  return SESSION_COOKIE_NAMES.some((base) => name === base || name.startsWith(`${base}.`));
}
