// POST /api/bench/memory — the benchmark's reading of the heap after a full garbage collection
import { benchMemory } from "@/lib/perf/memory-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export { benchMemory as POST };
