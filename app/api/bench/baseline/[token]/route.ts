// POST /api/bench/baseline/[token] — the same baseline behind a dynamic segment, like the webhook's
import { benchBaseline } from "@/lib/perf/baseline-handler";

export const runtime = "nodejs";

export { benchBaseline as POST };
