import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isPublicAddress } from "@/lib/fulfillment/public-address";

// POSTs a forwarded order to the merchant's fulfillment URL. node:http rather than fetch, for two
// things fetch cannot do: a lookup hook that refuses a host as soon as any address it resolves to is
// private (checked on the connection's own resolution, so DNS cannot answer differently later), and
// no redirects at all (a 3xx is reported, never followed).

export type PostResult = {
  startedAt: Date;
  latencyMs: number;
  /** null when no answer arrived. */
  status: number | null;
  /** Set for anything but a 2xx: the reason, in a sentence. */
  error: string | null;
  /** The target itself is not allowed (private address, bad scheme): retrying cannot help. */
  refused: boolean;
};

const ANSWER_CAP = 300;

export class RefusedTarget extends Error {}

/** Why this URL may not be called, or null. */
export function targetProblem(url: URL, allowPrivate: boolean): string | null {
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:")) return "The fulfillment URL must use https.";
  if (url.username || url.password) return "The fulfillment URL must not contain a user name or password.";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && isIP(host) !== 0 && !isPublicAddress(host)) return `${host} is a private or reserved address.`;
  return null;
}

function safeLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 4);
      const refused = allowPrivate ? undefined : addresses.find((entry) => !isPublicAddress(entry.address));
      if (refused)
        return callback(new RefusedTarget(`${hostname} resolves to ${refused.address}, a private or reserved address.`), "", 4);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`), "", 4);
      callback(null, first.address, first.family);
    });
  };
}

export function postJson(
  target: string,
  body: Buffer,
  headers: Record<string, string>,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<PostResult> {
  const startedAt = new Date();
  const started = performance.now();
  const finish = (status: number | null, error: string | null, refused = false): PostResult => ({
    startedAt,
    latencyMs: Math.round(performance.now() - started),
    status,
    error,
    refused,
  });
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return Promise.resolve(finish(null, "The fulfillment URL is not a valid URL.", true));
  }
  const problem = targetProblem(url, options.allowPrivate);
  if (problem) return Promise.resolve(finish(null, problem, true));

  return new Promise((resolve) => {
    const transport = url.protocol === "https:" ? https : http;
    const request = transport.request(
      url,
      {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "Content-Length": String(body.length),
          "User-Agent": "Tribedesk-Forward/1",
          ...headers,
        },
        lookup: safeLookup(options.allowPrivate),
        timeout: options.timeoutMs,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          if (size < ANSWER_CAP) chunks.push(chunk);
          size += chunk.length;
        });
        response.on("end", () => {
          clearTimeout(deadline);
          if (status >= 200 && status < 300) return resolve(finish(status, null));
          const text = Buffer.concat(chunks).toString("utf8").slice(0, ANSWER_CAP).trim();
          const why = status >= 300 && status < 400 ? "redirects are not followed" : text || `HTTP ${status}`;
          resolve(finish(status, `The fulfillment URL answered ${status}: ${why}`));
        });
        response.on("error", () => resolve(finish(status, `The fulfillment URL answered ${status}, then the connection broke`)));
      },
    );
    // The socket timeout only counts idle time; this bounds the whole exchange.
    const deadline = setTimeout(() => request.destroy(new Error("timeout")), options.timeoutMs);
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", (error) => {
      clearTimeout(deadline);
      if (error instanceof RefusedTarget) return resolve(finish(null, error.message, true));
      const reason =
        error.message === "timeout"
          ? `no answer within ${options.timeoutMs / 1000} s`
          : ((error as NodeJS.ErrnoException).code ?? error.message);
      resolve(finish(null, `Could not deliver to the fulfillment URL: ${reason}`));
    });
    request.end(body);
  });
}
