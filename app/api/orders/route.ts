// GET /api/orders — one page of the current store's orders (the live feed's list), filtered and searched
import { withMember } from "@/lib/auth/with-member";
import { listOrders } from "@/lib/orders/queries";
import { orderListQuerySchema } from "@/lib/orders/schemas";

export const runtime = "nodejs";

export const GET = withMember(async (request, { member }) => {
  const query = orderListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listOrders(member, query));
});
