import "server-only";
import { safeEqual, sha256Hex } from "@/lib/crypto/tokens";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import { jsonError, toErrorResponse } from "@/lib/http/error-response";

// The cron secret check (Vercel Cron sends `Authorization: Bearer $CRON_SECRET`). It always runs:
// CRON_SECRET is required in every environment (lib/env.ts), so there is no "not on Vercel, let it
// through" branch to forget about. Compared in constant time.

type Handler = (request: Request) => Promise<Response>;

export function hasCronSecret(request: Request): boolean {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer (.+)$/.exec(header);
  // Digests, so the comparison takes the same time whatever the length of the guess.
  return match !== null && safeEqual(sha256Hex(match[1] as string), sha256Hex(env.CRON_SECRET));
}

export function withCron(handler: Handler) {
  return async (request: Request): Promise<Response> => {
    if (!hasCronSecret(request)) {
      return jsonError(new AppError("unauthorized", "A valid cron secret is required."), {
        "WWW-Authenticate": "Bearer",
        "Cache-Control": "no-store",
      });
    }
    try {
      return await handler(request);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
