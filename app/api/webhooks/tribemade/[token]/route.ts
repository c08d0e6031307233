// POST /api/webhooks/tribemade/[token] — record once, ack
import { after } from "next/server";
import { AppError } from "@/lib/http/app-error";
import { jsonError } from "@/lib/http/error-response";
import { logger } from "@/lib/http/logger";
import { startTrace } from "@/lib/perf/request-trace";
import { announceDelivery } from "@/lib/webhooks/ingest/announce";
import { NOT_STORED_MESSAGE } from "@/lib/webhooks/ingest/ingest";
import { receiveWebhook } from "@/lib/webhooks/ingest/receive-webhook";

export const runtime = "nodejs";

type Context = { params: Promise<{ token: string }> };

const RETRY_AFTER = { "Retry-After": "5" };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  const startedAt = performance.now();
  const trace = startTrace(request, "ingest", startedAt);
  try {
    const { token } = await params;
    const result = await receiveWebhook(request, token, startedAt, trace);
    const { delivery } = result;
    if (delivery) {
      after(() => {
        trace?.mark("written");
        return announceDelivery(delivery).then(() => trace?.mark("announced"));
      });
    }
    const response = result.ok
      ? Response.json(result.ack)
      : jsonError(result.error, result.error.code === "unavailable" ? RETRY_AFTER : undefined);
    trace?.mark("responded");
    return response;
  } catch (error) {
    // Whatever failed, nothing was acknowledged: ask the sender to try again, never a bare 500.
    logger.error("webhook ingest failed", { error });
    return jsonError(new AppError("unavailable", NOT_STORED_MESSAGE), RETRY_AFTER);
  }
}

function methodNotAllowed(): Response {
  return jsonError(new AppError("method_not_allowed", "Webhooks are delivered with POST."), { Allow: "POST" });
}

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
