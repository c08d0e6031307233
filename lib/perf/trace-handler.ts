import "server-only";
import { AppError } from "@/lib/http/app-error";
import { jsonError } from "@/lib/http/error-response";
import { takeTraceSnapshot } from "@/lib/perf/request-trace";

// The benchmark reads what the server recorded during a round (lib/perf/request-trace.ts). Like the
// baseline routes, it exists only with TRIBEDESK_BENCH=1; otherwise a 404 like any unknown path.
export async function benchTrace(): Promise<Response> {
  const snapshot = takeTraceSnapshot();
  if (!snapshot) return jsonError(new AppError("not_found", "Not found."));
  return Response.json(snapshot, { headers: { "Cache-Control": "no-store" } });
}
