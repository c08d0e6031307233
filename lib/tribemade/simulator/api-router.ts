// Matches the six TribeMade endpoints (docs/tribemade-api.md §3). A path that matches but with another
// method is a 405; anything else under the simulator is a 404.

import type { EndpointClass } from "./rate-limit";

type Route = { pattern: RegExp; methods: Partial<Record<string, EndpointClass>> };

const ROUTES: Route[] = [
  { pattern: /^\/api\/products\/create$/, methods: { POST: "product.create" } },
  { pattern: /^\/api\/products\/([^/]+)\/edit$/, methods: { PUT: "product.edit" } },
  { pattern: /^\/api\/products\/([^/]+)$/, methods: { GET: "product.get", DELETE: "product.delete" } },
  { pattern: /^\/api\/orders\/([^/]+)\/status$/, methods: { PUT: "order.status" } },
  { pattern: /^\/api\/orders\/([^/]+)$/, methods: { GET: "order.get" } },
];

export type ApiRouteMatch =
  | { kind: "endpoint"; endpoint: EndpointClass; id: string }
  | { kind: "method-not-allowed"; allow: string[] }
  | { kind: "not-found" };

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape is just an id that exists nowhere
  }
}

export function matchApiRoute(method: string, path: string): ApiRouteMatch {
  const allow = new Set<string>();
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    const endpoint = route.methods[method];
    // GET /api/products/create falls through to "product id 'create'", a 404, as a real router would.
    if (endpoint) return { kind: "endpoint", endpoint, id: decode(match[1] ?? "") };
    for (const name of Object.keys(route.methods)) allow.add(name);
  }
  return allow.size > 0 ? { kind: "method-not-allowed", allow: [...allow] } : { kind: "not-found" };
}
