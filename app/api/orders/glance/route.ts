// GET /api/orders/glance — today's orders and revenue (IST), orders to process, failed syncs, dead outbox messages
import { withMember } from "@/lib/auth/with-member";
import { getOrderGlance } from "@/lib/orders/queries";

export const runtime = "nodejs";

export const GET = withMember(async (_request, { member }) => Response.json(await getOrderGlance(member)));
