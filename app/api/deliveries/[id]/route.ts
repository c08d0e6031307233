// GET /api/deliveries/[id] — one delivery of the current store: body, headers, errors, related deliveries
import { requireMember } from "@/lib/auth/require-member";
import { toErrorResponse } from "@/lib/http/error-response";
import { getDeliveryOrThrow } from "@/lib/webhooks/inspector-queries";
import { deliveryIdSchema } from "@/lib/webhooks/inspector-schemas";

export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  try {
    const { store } = await requireMember();
    const { id } = deliveryIdSchema.parse(await params);
    const delivery = await getDeliveryOrThrow(store.id, id);
    return Response.json(delivery, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
