import "server-only";
import v8 from "node:v8";
import vm from "node:vm";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import { jsonError } from "@/lib/http/error-response";

// What the server's heap still holds after a full garbage collection, for `npm run bench` only
// (TRIBEDESK_BENCH=1; otherwise a 404 like any unknown path): the live feed's section divides the
// growth by the open streams. RSS alone also counts garbage not yet collected and heap the
// collector keeps for later, which say little about what one open stream costs.
export async function benchMemory(): Promise<Response> {
  if (!env.TRIBEDESK_BENCH) return jsonError(new AppError("not_found", "Not found."));
  // The collector is only reachable with --expose-gc; setting the flag at run time is enough for a
  // new context to see `gc` (the documented V8 way; the server is not started with the flag).
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  gc();
  const usage = process.memoryUsage();
  return Response.json(
    { rss: usage.rss, retained: usage.heapUsed + usage.external },
    { headers: { "Cache-Control": "no-store" } },
  );
}
