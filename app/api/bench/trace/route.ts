// POST /api/bench/trace — the benchmark takes the request traces, event-loop stalls and GC pauses recorded since its last call
import { benchTrace } from "@/lib/perf/trace-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export { benchTrace as POST };
