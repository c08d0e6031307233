// GET /api/outbox — the store's queue, budgets, drain runs and dead letters (the /outbox page)
import { withMember } from "@/lib/auth/with-member";
import { getOutboxOverview } from "@/lib/outbox/queries";

export const GET = withMember(async (_request, { member }) => Response.json(await getOutboxOverview(member)));
