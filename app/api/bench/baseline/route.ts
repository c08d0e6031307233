// POST /api/bench/baseline — the benchmark's no-database baseline: parse JSON, answer 200
import { benchBaseline } from "@/lib/perf/baseline-handler";

export const runtime = "nodejs";

export { benchBaseline as POST };
