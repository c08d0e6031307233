// GET /api/deliveries — one page of the current store's webhook deliveries (the inspector's feed)
import { withMember } from "@/lib/auth/with-member";
import { listDeliveries } from "@/lib/webhooks/queries";
import { deliveryListQuerySchema } from "@/lib/webhooks/schemas";

export const runtime = "nodejs";

export const GET = withMember(async (request, { member }) => {
  const query = deliveryListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listDeliveries(member, query));
});
