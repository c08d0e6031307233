// GET /api/deliveries/metrics — the current store's last 24 h: per hour, outcomes, reasons, ack percentiles
import { requireMember } from "@/lib/auth/require-member";
import { toErrorResponse } from "@/lib/http/error-response";
import { getDeliveryMetrics } from "@/lib/webhooks/inspector-metrics";

export const runtime = "nodejs";

export async function GET(): Promise<Response> {
  try {
    const { store } = await requireMember();
    const metrics = await getDeliveryMetrics(store.id);
    return Response.json(metrics, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
