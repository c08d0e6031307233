import "server-only";
import webpush from "web-push";
import type { VapidConfig } from "@/lib/notifications/push-config";

// One web push request: web-push encrypts the payload for the subscription (aes128gcm, RFC 8291)
// and signs a VAPID JWT (RFC 8292); we send it with fetch, so every call has our timeout and no
// redirects, and the answer is ours to judge. web-push's own sender is https-only with its own
// error shape; its request builder is the part worth reusing.

export type PushTarget = { id: string; endpoint: string; p256dh: string; auth: string };
export type PushMessage = { title: string; body: string; url: string; tag: string };

export type PushAnswer = {
  startedAt: Date;
  latencyMs: number;
  status: number | null;
  /** null when the push service accepted it (2xx). */
  error: string | null;
};

/** How long the push service keeps a message for a device that is offline (seconds). */
const TTL_S = 24 * 60 * 60;

export async function sendPush(
  target: PushTarget,
  message: PushMessage,
  options: { vapid: VapidConfig; timeoutMs: number },
): Promise<PushAnswer> {
  const startedAt = new Date();
  const started = performance.now();
  const finish = (status: number | null, error: string | null): PushAnswer => ({
    startedAt,
    latencyMs: Math.round(performance.now() - started),
    status,
    error,
  });
  let request: ReturnType<typeof webpush.generateRequestDetails>;
  try {
    request = webpush.generateRequestDetails(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      JSON.stringify(message),
      {
        vapidDetails: options.vapid,
        TTL: TTL_S,
        urgency: "high",
        contentEncoding: "aes128gcm",
      },
    );
  } catch (error) {
    // A subscription whose keys do not make a key agreement never will.
    return finish(400, `Cannot encrypt for this device: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const response = await fetch(request.endpoint, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: request.body ? new Uint8Array(request.body) : null,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = response.ok ? "" : (await response.text().catch(() => "")).slice(0, 200);
    return finish(response.status, response.ok ? null : `Push service answered ${response.status}${text ? `: ${text}` : ""}`);
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    return finish(
      null,
      timedOut ? `No answer from the push service in ${options.timeoutMs} ms` : "Could not reach the push service",
    );
  }
}

/** 404 and 410: the browser dropped the subscription (uninstalled, permission revoked). */
export function subscriptionGone(status: number | null): boolean {
  return status === 404 || status === 410;
}

/** 429, 5xx and no answer may pass; anything else (400, 401, 403, 413) will not. */
export function pushRetryable(status: number | null): boolean {
  return status === null || status === 429 || status >= 500;
}
