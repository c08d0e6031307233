// The Content-Security-Policy every page is served with (proxy.ts adds it with a fresh nonce per
// request; docs/security.md). Scripts run only with the request's nonce: Next.js puts it on its
// own scripts when it finds this header on the request, the root layout on the theme script, and
// 'strict-dynamic' lets those load the chunks they need. Client-safe, no imports.

/** 128 random bits, base64: a fresh one per request, so an injected script cannot guess it. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The origin of a TribeMade API base URL served over plain http (the local simulator, whose
 * product images are http too); null for TribeMade's own https, which "https:" already allows.
 */
export function plainHttpOrigin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

export function contentSecurityPolicy(nonce: string, options: { dev: boolean; imageOrigins?: string[] }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // React's development build evaluates code for its debugging aids; production never does.
    "script-src": [`'nonce-${nonce}'`, "'strict-dynamic'", ...(options.dev ? ["'unsafe-eval'"] : [])],
    // Inline style attributes (React's style={…}, Radix positioning, sonner): they cannot run code.
    "style-src": ["'self'", "'unsafe-inline'"],
    // Product images come from TribeMade's CDN over https; charts and avatars are data: URIs.
    "img-src": ["'self'", "data:", "blob:", "https:", ...(options.imageOrigins ?? [])],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["'none'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "object-src": ["'none'"],
    "manifest-src": ["'self'"],
    "worker-src": ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}
