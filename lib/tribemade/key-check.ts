import "server-only";
import { getOrder } from "@/lib/tribemade/client/orders-api";

// Is this TribeMade API key live? Asks for an order id no store has: TribeMade answers 404 to
// a valid key and 401 to a bad one, so no real order is read (docs/architecture.md, "Authenticity").
// One GET against the key's 50/min order budget, through the one API client (lib/tribemade/client/).

const PROBE_ORDER_ID = "00000000-0000-4000-8000-000000000000";
const TIMEOUT_MS = 5_000;

export type KeyCheckResult =
  { status: "valid"; message: string } | { status: "rejected"; message: string } | { status: "unreachable"; message: string };

export async function checkTribemadeKey(
  apiKey: string,
  options: { baseUrl?: string; timeoutMs?: number } = {},
): Promise<KeyCheckResult> {
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const result = await getOrder({ plaintext: apiKey }, PROBE_ORDER_ID, { baseUrl: options.baseUrl, timeoutMs });

  if (result.status === 404) return { status: "valid", message: "TribeMade accepted this key." };
  if (result.outcome === "key_rejected") {
    return {
      status: "rejected",
      message:
        "TribeMade rejected this key. Copy the current key from TribeMade → Developer; generating a new key there cancels the old one.",
    };
  }
  if (result.status === null) {
    return {
      status: "unreachable",
      message: result.error?.startsWith("No answer")
        ? `We couldn't reach TribeMade: it didn't answer within ${seconds(timeoutMs)}. Try again in a minute.`
        : "We couldn't reach TribeMade: the connection failed. Try again in a minute.",
    };
  }
  if (result.status === 429) {
    return {
      status: "unreachable",
      message: `We couldn't check the key: TribeMade is limiting requests for it right now. Try again in ${seconds(result.retryAfterMs ?? 60_000)}.`,
    };
  }
  return {
    status: "unreachable",
    message: `We couldn't check the key: TribeMade answered with an unexpected error (HTTP ${result.status}). Try again in a minute.`,
  };
}

function seconds(ms: number): string {
  const value = Math.max(1, Math.ceil(ms / 1000));
  return value === 1 ? "1 second" : `${value} seconds`;
}
