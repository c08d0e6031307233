import "server-only";
import { env } from "@/lib/env";

// Is this TribeMade API key live? Asks for an order id no store has: TribeMade answers 404 to
// a valid key and 401 to a bad one, so no real order is read (docs/architecture.md, "Authenticity").
// One GET against the key's 50/min order budget. The fuller API client lives beside this later.

const PROBE_ORDER_ID = "00000000-0000-4000-8000-000000000000";
const TIMEOUT_MS = 5_000;

export type KeyCheckResult =
  { status: "valid"; message: string } | { status: "rejected"; message: string } | { status: "unreachable"; message: string };

export async function checkTribemadeKey(
  apiKey: string,
  options: { baseUrl?: string; timeoutMs?: number } = {},
): Promise<KeyCheckResult> {
  const baseUrl = (options.baseUrl ?? env.TRIBEMADE_API_BASE_URL).replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api/orders/${PROBE_ORDER_ID}`, {
      method: "GET",
      headers: { "X-API-Key": apiKey, Accept: "application/json" },
      signal: AbortSignal.timeout(timeoutMs),
      cache: "no-store",
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return {
      status: "unreachable",
      message: timedOut
        ? `We couldn't reach TribeMade: it didn't answer within ${seconds(timeoutMs)}. Try again in a minute.`
        : "We couldn't reach TribeMade: the connection failed. Try again in a minute.",
    };
  }

  if (response.status !== 429) await response.body?.cancel().catch(() => {});
  if (response.status === 404) return { status: "valid", message: "TribeMade accepted this key." };
  if (response.status === 401) {
    return {
      status: "rejected",
      message:
        "TribeMade rejected this key. Copy the current key from TribeMade → Developer; generating a new key there cancels the old one.",
    };
  }
  if (response.status === 429) {
    const wait = await retryAfterSeconds(response);
    return {
      status: "unreachable",
      message: `We couldn't check the key: TribeMade is limiting requests for it right now. Try again in ${seconds(wait * 1000)}.`,
    };
  }
  return {
    status: "unreachable",
    message: `We couldn't check the key: TribeMade answered with an unexpected error (HTTP ${response.status}). Try again in a minute.`,
  };
}

/** 429 carries `{"retry_after": N}` and X-RateLimit-Reset (Unix seconds); 60 s when neither parses. */
async function retryAfterSeconds(response: Response): Promise<number> {
  const body: unknown = await response.json().catch(() => null);
  const retryAfter = typeof body === "object" && body !== null ? (body as { retry_after?: unknown }).retry_after : undefined;
  if (typeof retryAfter === "number" && retryAfter > 0) return Math.ceil(retryAfter);
  const reset = Number(response.headers.get("x-ratelimit-reset"));
  return Number.isFinite(reset) && reset > 0 ? Math.max(1, Math.ceil(reset - Date.now() / 1000)) : 60;
}

function seconds(ms: number): string {
  const value = Math.max(1, Math.ceil(ms / 1000));
  return value === 1 ? "1 second" : `${value} seconds`;
}
