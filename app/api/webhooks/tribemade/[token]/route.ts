// POST /api/webhooks/tribemade/[token] — record once, ack
import { after } from "next/server";
import { AppError } from "@/lib/http/app-error";
import { jsonError, toErrorResponse } from "@/lib/http/error-response";
import { announceDelivery } from "@/lib/webhooks/ingest/announce";
import { receiveWebhook } from "@/lib/webhooks/ingest/receive-webhook";

export const runtime = "nodejs";

type Context = { params: Promise<{ token: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  const startedAt = performance.now();
  try {
    const { token } = await params;
    const result = await receiveWebhook(request, token, startedAt);
    const { delivery } = result;
    if (delivery) after(() => announceDelivery(delivery));
    if (result.ok) return Response.json(result.ack);
    const retry = result.error.code === "unavailable" ? { "Retry-After": "5" } : undefined;
    return jsonError(result.error, retry);
  } catch (error) {
    return toErrorResponse(error);
  }
}

function methodNotAllowed(): Response {
  return jsonError(new AppError("method_not_allowed", "Webhooks are delivered with POST."), { Allow: "POST" });
}

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
