// GET /api/deliveries/metrics — the current store's last 24 h: per hour, outcomes, reasons, ack percentiles
import { withMember } from "@/lib/auth/with-member";
import { getDeliveryMetrics } from "@/lib/webhooks/metrics";

export const runtime = "nodejs";

export const GET = withMember(async (_request, { member }) => Response.json(await getDeliveryMetrics(member)));
