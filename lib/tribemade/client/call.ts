import "server-only";
import type { ZodType } from "zod";
import { env } from "@/lib/env";
import { send, TransportError, type RawResponse } from "@/lib/tribemade/client/transport";

// One call to TribeMade's API, classified (docs/outbox.md, "Outcomes"):
//   success       2xx with a body that parses
//   retryable     429 (with how long to wait), 5xx, a network error, no answer within the timeout
//   permanent     400 (TribeMade's message), 403, 404, any other 4xx, a 2xx whose body does not parse
//   key_rejected  401: the store's key is missing, wrong or was regenerated
// Every answer's X-RateLimit-* headers are returned so the budget can follow TribeMade's count.
// The key is decrypted inside the call and lives only for it.

export const DEFAULT_TIMEOUT_MS = 10_000;
/** TribeMade's documented example says 60; used when a 429 carries neither retry_after nor a reset. */
const DEFAULT_RETRY_AFTER_S = 60;
const MESSAGE_CAP = 300;

/** A plaintext key, wrapped so it is passed on deliberately (and not logged with its neighbours). */
export type ApiKey = { plaintext: string };

export type RateLimitInfo = { limit: number; remaining: number; reset: number };

export type CallOutcome = "success" | "retryable" | "permanent" | "key_rejected";

export type CallResult<T> = {
  outcome: CallOutcome;
  method: string;
  path: string;
  startedAt: Date;
  latencyMs: number;
  /** null when no HTTP answer arrived. */
  status: number | null;
  rateLimit: RateLimitInfo | null;
  /** The parsed body of a success. */
  data?: T;
  /** TribeMade's own words ({"error": "…"}) or ours for a failure with no answer. */
  error?: string;
  /** For 429: when the budget opens again (ms from the answer). */
  retryAfterMs?: number;
  /**
   * The request may have reached TribeMade and taken effect even though we did not learn the
   * result (timeout, network error, 5xx). A status push must read the order before it retries.
   */
  ambiguous: boolean;
};

export type CallOptions = { baseUrl?: string; timeoutMs?: number };

export async function callTribemade<T>(
  key: ApiKey,
  request: { method: "GET" | "PUT" | "POST" | "DELETE"; path: string; body?: unknown; schema: ZodType<T> },
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const baseUrl = (options.baseUrl ?? env.TRIBEMADE_API_BASE_URL).replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const startedAt = new Date();
  const started = performance.now();
  const base = { method: request.method, path: request.path, startedAt };
  const elapsed = () => Math.round(performance.now() - started);

  let response: RawResponse;
  try {
    const headers: Record<string, string> = { "X-API-Key": key.plaintext, Accept: "application/json" };
    if (request.body !== undefined) headers["Content-Type"] = "application/json";
    response = await send(`${baseUrl}${request.path}`, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      timeoutMs,
    });
  } catch (error) {
    const timedOut = error instanceof TransportError && error.timedOut;
    return {
      ...base,
      outcome: "retryable",
      latencyMs: elapsed(),
      status: null,
      rateLimit: null,
      error: timedOut ? (error as Error).message : `Network error: ${error instanceof Error ? error.message : String(error)}`,
      ambiguous: true,
    };
  }

  const latencyMs = elapsed();
  const rateLimit = readRateLimit(response.headers);
  const text = response.text;
  const body = parseJson(text);
  const status = response.status;
  const answered = { ...base, latencyMs, status, rateLimit };

  if (status >= 200 && status < 300) {
    const parsed = request.schema.safeParse(body);
    if (parsed.success) return { ...answered, outcome: "success", data: parsed.data, ambiguous: false };
    return { ...answered, outcome: "permanent", error: "TribeMade's answer did not have the expected shape", ambiguous: false };
  }
  const message = errorMessage(body, text, status);
  if (status === 401) return { ...answered, outcome: "key_rejected", error: message, ambiguous: false };
  if (status === 429) {
    return { ...answered, outcome: "retryable", error: message, retryAfterMs: retryAfterMs(body, rateLimit), ambiguous: false };
  }
  if (status >= 500) return { ...answered, outcome: "retryable", error: message, ambiguous: true };
  return { ...answered, outcome: "permanent", error: message, ambiguous: false };
}

function readRateLimit(headers: RawResponse["headers"]): RateLimitInfo | null {
  const limit = Number(headers["x-ratelimit-limit"]);
  const remaining = Number(headers["x-ratelimit-remaining"]);
  const reset = Number(headers["x-ratelimit-reset"]);
  if (headers["x-ratelimit-limit"] === undefined || ![limit, remaining, reset].every(Number.isFinite)) return null;
  return { limit, remaining, reset };
}

function parseJson(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function errorMessage(body: unknown, text: string, status: number): string {
  const error = typeof body === "object" && body !== null ? (body as { error?: unknown }).error : undefined;
  const message = typeof error === "string" && error.trim() !== "" ? error.trim() : text.trim() || `HTTP ${status}`;
  return message.length > MESSAGE_CAP ? `${message.slice(0, MESSAGE_CAP)}…` : message;
}

/** `retry_after` (seconds) from the body, else the X-RateLimit-Reset moment, else 60 s. */
function retryAfterMs(body: unknown, rateLimit: RateLimitInfo | null): number {
  const value = typeof body === "object" && body !== null ? (body as { retry_after?: unknown }).retry_after : undefined;
  if (typeof value === "number" && Number.isFinite(value) && value > 0) return Math.ceil(value * 1000);
  if (rateLimit && rateLimit.reset * 1000 > Date.now()) return rateLimit.reset * 1000 - Date.now();
  return DEFAULT_RETRY_AFTER_S * 1000;
}
