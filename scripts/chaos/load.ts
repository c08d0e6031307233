// The chaos load: a new order every 1/rate s, open loop (sent on schedule whatever the server
// does), each request's outcome kept, so every acknowledged order_id can be looked up afterwards.
import { randomUUID } from "node:crypto";
import http from "node:http";

export type Sent = {
  orderId: string;
  /** Epoch ms: scheduled start and end (answer or failure). */
  start: number;
  end: number;
  /** HTTP status, 0 for a connection failure or timeout. */
  status: number;
  /** The 2xx body's status: accepted or duplicate. */
  ack: string | null;
  /** Why there was no answer (ECONNREFUSED, timeout, …). */
  error?: string;
};

export type Load = { sent: Sent[]; stop(): Promise<Sent[]> };

/** The load's order: no store_id, so the endpoint's store takes it whichever TribeMade store it is linked to. */
export const chaosOrderBody = (orderId: string) =>
  JSON.stringify({
    event: "order.created",
    order_id: orderId,
    customer: { name: "Chaos Customer", email: "chaos@example.in", number: "9876543210", pincode: "400001" },
    order_details: { quantity: 1, amount: 499 },
    status: "started",
  });

export function startLoad(options: { baseUrl: string; path: string; rate: number }): Load {
  const url = new URL(options.path, options.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const sent: Sent[] = [];
  const inFlight = new Set<Promise<void>>();
  const interval = 1000 / options.rate;
  const started = performance.now();
  let stopped = false;
  let index = 0;

  const tick = () => {
    if (stopped) return;
    const now = performance.now();
    // Send everything whose time has come (timers run late under load; the schedule does not).
    while (started + index * interval <= now) {
      const scheduled = performance.timeOrigin + started + index * interval;
      index++;
      const orderId = randomUUID();
      const request = post(agent, url, chaosOrderBody(orderId)).then(({ status, ack, error }) => {
        sent.push({ orderId, start: scheduled, end: performance.timeOrigin + performance.now(), status, ack, error });
      });
      inFlight.add(request);
      void request.finally(() => inFlight.delete(request));
    }
    setTimeout(tick, Math.max(0, started + index * interval - performance.now()));
  };
  tick();

  return {
    sent,
    async stop() {
      stopped = true;
      await Promise.all(inFlight);
      agent.destroy();
      return sent;
    },
  };
}

function post(agent: http.Agent, url: URL, payload: string): Promise<{ status: number; ack: string | null; error?: string }> {
  return new Promise((resolve) => {
    const request = http.request(
      url,
      { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.once("end", () => {
          const status = response.statusCode ?? 0;
          let ack: string | null = null;
          if (status >= 200 && status < 300) {
            try {
              ack = (JSON.parse(Buffer.concat(chunks).toString("utf8")) as { status?: string }).status ?? null;
            } catch {
              ack = null;
            }
          }
          resolve({ status, ack });
        });
        response.once("error", (error: NodeJS.ErrnoException) =>
          resolve({ status: 0, ack: null, error: error.code ?? error.message }),
        );
      },
    );
    // TribeMade gives up after 5 s; so does this sender.
    request.setTimeout(5_000, () => request.destroy(new Error("timeout")));
    request.once("error", (error: NodeJS.ErrnoException) =>
      resolve({ status: 0, ack: null, error: error.code ?? error.message }),
    );
    request.end(payload);
  });
}
