// GET /api/deliveries/[id] — one delivery of the current store: body, headers, errors, related deliveries
import { withMember } from "@/lib/auth/with-member";
import { getDeliveryOrThrow } from "@/lib/webhooks/queries";
import { deliveryIdSchema } from "@/lib/webhooks/schemas";

export const runtime = "nodejs";

export const GET = withMember<{ id: string }>(async (_request, { member, params }) => {
  const { id } = deliveryIdSchema.parse(params);
  return Response.json(await getDeliveryOrThrow(member, id));
});
