// GET /api/cron/outbox — drain the outbox (Vercel Cron, or any scheduler with the cron secret)
import { withCron } from "@/lib/http/with-cron";
import { runDrain } from "@/lib/outbox/drain";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
// Claiming stops at OUTBOX_DRAIN_BUDGET_MS (25 s by default); calls already started finish within
// two 10 s timeouts. 60 s fits every Vercel plan.
export const maxDuration = 60;

/** Vercel Cron identifies itself; anything else with the secret (GitHub Actions, curl) is "external". */
function triggerOf(request: Request): "cron" | "external" {
  return (request.headers.get("user-agent") ?? "").startsWith("vercel-cron") ? "cron" : "external";
}

export const GET = withCron(async (request) => {
  const summary = await runDrain({ trigger: triggerOf(request) });
  return Response.json(
    { claimed: summary.claimed, done: summary.done, retried: summary.retried, dead: summary.dead, ms: summary.ms },
    { headers: { "Cache-Control": "no-store" } },
  );
});
