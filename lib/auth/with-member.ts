import "server-only";
import { requireMember, requireOwner, type Member, type Owner } from "@/lib/auth/require-member";
import { toErrorResponse } from "@/lib/http/error-response";

// The one wrapper for member API routes (docs/code-style.md §11): the member check always runs first,
// anything thrown becomes the JSON error body, and answers are never cached (they hold one
// store's data). Handlers receive the Member, which every data function takes, so scoping is
// enforced by the compiler rather than by each handler remembering to pass a store id.

type Handler<P, M extends Member = Member> = (request: Request, context: { member: M; params: P }) => Promise<Response>;
type RouteContext<P> = { params: Promise<P> };

const NO_STORE = "private, no-store";

function wrap<P, M extends Member>(check: () => Promise<M>, handler: Handler<P, M>) {
  return async (request: Request, context?: RouteContext<P>): Promise<Response> => {
    try {
      const member = await check();
      const params = (context ? await context.params : {}) as P;
      const response = await handler(request, { member, params });
      if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", NO_STORE);
      return response;
    } catch (error) {
      const response = toErrorResponse(error);
      response.headers.set("Cache-Control", NO_STORE);
      return response;
    }
  };
}

/** A route any member of the current store may call. */
export function withMember<P = Record<string, never>>(handler: Handler<P>) {
  return wrap(() => requireMember(), handler);
}

/** A route only the current store's owners may call. */
export function withOwner<P = Record<string, never>>(handler: Handler<P, Owner>) {
  return wrap(() => requireOwner(), handler);
}
