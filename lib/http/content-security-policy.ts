// The Content-Security-Policy every page is served with (proxy.ts adds it with a fresh nonce per
// request; docs/security.md). Scripts run only with the request's nonce: Next.js puts it on its
// own scripts when it finds this header on the request, the root layout on the theme script, and
// 'strict-dynamic' lets those load the chunks they need. Client-safe, no imports.

/** 128 random bits, base64: a fresh one per request, so an injected script cannot guess it. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // React's development build evaluates code for its debugging aids; production never does.
    "script-src": [`'nonce-${nonce}'`, "'strict-dynamic'", ...(options.dev ? ["'unsafe-eval'"] : [])],
    // Inline style attributes (React's style={…}, Radix positioning, sonner): they cannot run code.
    "style-src": ["'self'", "'unsafe-inline'"],
    // Product images come from TribeMade's CDN over https; charts and avatars are data: URIs.
    "img-src": ["'self'", "data:", "blob:", "https:"],
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
