// POST /api/webhooks/tribemade/[token] — record once, ack. On Vercel, `next dev` and plain `next start`; the
// production server (scripts/serve.ts) answers this path before Next.js with the same code
// (lib/webhooks/ingest/server-receiver.ts).
import { after } from "next/server";
import { AppError } from "@/lib/http/app-error";
import { jsonError } from "@/lib/http/error-response";
import { logger } from "@/lib/http/logger";
import { BENCH_ID_HEADER, startTrace } from "@/lib/perf/request-trace";
import { announceDelivery } from "@/lib/webhooks/ingest/announce";
import { NOT_STORED_MESSAGE } from "@/lib/webhooks/ingest/ingest";
import { readBodyCapped } from "@/lib/webhooks/ingest/read-body";
import { flushRefusals } from "@/lib/webhooks/ingest/refusals";
import { failedAnswer, receiveWebhook, webhookAnswer, type WebhookAnswer } from "@/lib/webhooks/ingest/receive-webhook";
import { captureHeaders } from "@/lib/webhooks/ingest/request-headers";

export const runtime = "nodejs";

type Context = { params: Promise<{ token: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  const startedAt = performance.now();
  const trace = startTrace(request.headers.get(BENCH_ID_HEADER), "ingest", startedAt);
  let answer: WebhookAnswer;
  try {
    const { token } = await params;
    const webhook = {
      aborted: () => request.signal.aborted,
      headers: () => captureHeaders(request.headers),
      readBody: (cap: number, timeoutMs: number) => readBodyCapped(request, cap, timeoutMs),
    };
    const result = await receiveWebhook(webhook, token, startedAt, trace);
    const { delivery } = result;
    if (delivery) {
      after(() => {
        trace?.mark("written");
        return announceDelivery(delivery).then(() => trace?.mark("announced"));
      });
    }
    answer = webhookAnswer(result);
    // A refusal was counted in memory; write it before a serverless host freezes the function.
    if (answer.status === 503 && !delivery) after(flushRefusals);
  } catch (error) {
    // Whatever failed, nothing was acknowledged: ask the sender to try again, never a bare 500.
    logger.error("webhook ingest failed", { error });
    answer = failedAnswer(NOT_STORED_MESSAGE);
  }
  const response = Response.json(answer.body, { status: answer.status, headers: answer.headers });
  trace?.mark("responded");
  return response;
}

function methodNotAllowed(): Response {
  return jsonError(new AppError("method_not_allowed", "Webhooks are delivered with POST."), { Allow: "POST" });
}

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
