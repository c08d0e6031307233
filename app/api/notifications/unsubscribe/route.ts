// GET/POST /api/notifications/unsubscribe?s&u&t&sig — a signed email link: GET asks, POST turns that email off
import { toErrorResponse } from "@/lib/http/error-response";
import { applyUnsubscribe, unsubscribePage } from "@/lib/notifications/unsubscribe-page";

const HTML = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" };

export async function GET(request: Request) {
  try {
    return new Response(unsubscribePage(new URL(request.url)), { headers: HTML });
  } catch (error) {
    return toErrorResponse(error);
  }
}

export async function POST(request: Request) {
  try {
    return new Response(await applyUnsubscribe(new URL(request.url)), { headers: HTML });
  } catch (error) {
    return toErrorResponse(error);
  }
}
