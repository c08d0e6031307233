// GET /api/orders/budget — the store's TribeMade status budget and queued pushes (quota meter, bulk ETA)
import { withMember } from "@/lib/auth/with-member";
import { readStatusBudget } from "@/lib/orders/status-queries";

export const runtime = "nodejs";

export const GET = withMember(async (_request, { member }) => Response.json(await readStatusBudget(member)));
