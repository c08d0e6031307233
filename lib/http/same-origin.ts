import "server-only";
import { AppError } from "@/lib/http/app-error";
import { publicOrigin } from "@/lib/http/public-origin";

// Route handlers that change something on a POST with the session cookie (the paperwork downloads,
// which assign invoice numbers and mark orders printed) accept it only from this app's own pages.
// Browsers send Origin on every POST; a cross-site form or fetch carries the other site's. Server
// actions get this check from Next.js; route handlers call this.
export async function assertSameOrigin(request: Request): Promise<void> {
  const origin = request.headers.get("origin");
  if (origin === null) return; // not a browser: no ambient cookie to abuse
  const allowed = new Set([await publicOrigin(), new URL(request.url).origin]);
  if (!allowed.has(origin)) throw new AppError("csrf_failed", "This request did not come from Tribedesk's own pages.");
}
