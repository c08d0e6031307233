// GET /api/orders/[id] — one order with its details and its whole timeline
import { withMember } from "@/lib/auth/with-member";
import { getOrderOrThrow } from "@/lib/orders/queries";
import { orderIdSchema } from "@/lib/orders/schemas";

export const runtime = "nodejs";

export const GET = withMember<{ id: string }>(async (_request, { member, params }) => {
  const { id } = orderIdSchema.parse(params);
  return Response.json(await getOrderOrThrow(member, id));
});
