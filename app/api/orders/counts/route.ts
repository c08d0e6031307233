// GET /api/orders/counts — orders per open status under the other filters (the status tabs' counts)
import { withMember } from "@/lib/auth/with-member";
import { countOpenOrders } from "@/lib/orders/queries";
import { orderFiltersSchema } from "@/lib/orders/schemas";

export const runtime = "nodejs";

export const GET = withMember(async (request, { member }) => {
  const filters = orderFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await countOpenOrders(member, filters));
});
