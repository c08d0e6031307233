import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import { jsonError } from "@/lib/http/error-response";
import { BENCH_ID_HEADER, startTrace } from "@/lib/perf/request-trace";

// The floor `npm run bench` compares webhook ingest against, in the same build and process: the
// same framework work (routing, body read, JSON parse, JSON answer) with no database. Served only
// when TRIBEDESK_BENCH=1, which only scripts/bench.ts sets; otherwise a 404 like any unknown path.
export async function benchBaseline(request: Request): Promise<Response> {
  if (!env.TRIBEDESK_BENCH) return jsonError(new AppError("not_found", "Not found."));
  const trace = startTrace(request.headers.get(BENCH_ID_HEADER), "baseline");
  try {
    const payload = (await request.json()) as { order_id?: unknown };
    trace?.mark("read");
    const response = Response.json({ status: "accepted", order_id: payload.order_id ?? null });
    trace?.mark("responded");
    return response;
  } catch {
    return jsonError(new AppError("invalid_json", "The body is not valid JSON."));
  }
}
