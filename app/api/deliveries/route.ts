// GET /api/deliveries — one page of the current store's webhook deliveries (the inspector's live list)
import { requireMember } from "@/lib/auth/require-member";
import { toErrorResponse } from "@/lib/http/error-response";
import { listDeliveries } from "@/lib/webhooks/inspector-queries";
import { deliveryListQuerySchema } from "@/lib/webhooks/inspector-schemas";

export const runtime = "nodejs";

export async function GET(request: Request): Promise<Response> {
  try {
    const { store } = await requireMember();
    const query = deliveryListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const page = await listDeliveries(store.id, query);
    return Response.json(page, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
