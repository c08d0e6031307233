import "server-only";
import http from "node:http";
import https from "node:https";

// The HTTP underneath the TribeMade client: node:http with keep-alive agents rather than fetch.
// Measured here against the simulator, fetch (undici in Node 20) spent 2–3× the CPU per small
// request, and the drain makes one request per message on the thread that also serves pages.
// No redirects are followed (node:http never does); the whole exchange has one deadline.

const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 64, keepAliveMsecs: 10_000 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 64, keepAliveMsecs: 10_000 }),
};

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; text: string };

export class TransportError extends Error {
  constructor(
    message: string,
    readonly timedOut: boolean,
  ) {
    super(message);
    this.name = timedOut ? "TimeoutError" : "TransportError";
  }
}

const MAX_BODY = 1024 * 1024;

export function send(
  target: string,
  options: { method: string; headers: Record<string, string>; body?: string; timeoutMs: number },
): Promise<RawResponse> {
  const url = new URL(target);
  const transport = url.protocol === "https:" ? https : http;
  const agent = url.protocol === "https:" ? agents["https:"] : agents["http:"];
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: TransportError) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      reject(error);
    };
    const headers = {
      ...options.headers,
      ...(options.body === undefined ? {} : { "Content-Length": String(Buffer.byteLength(options.body)) }),
    };
    const request = transport.request(url, { method: options.method, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY) return void request.destroy(new Error("answer too large"));
        chunks.push(chunk);
      });
      response.on("end", () => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString("utf8") });
      });
      response.on("error", (error) => fail(new TransportError(error.message, false)));
    });
    const deadline = setTimeout(() => {
      request.destroy();
      fail(new TransportError(`No answer within ${Math.round(options.timeoutMs / 100) / 10} s`, true));
    }, options.timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) => fail(new TransportError(error.code ?? error.message, false)));
    request.end(options.body);
  });
}
