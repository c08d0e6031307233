// The three things `npm run chaos` does to a server under load (issue 10 item 4), each a trial
// with a time window; the entry script counts acknowledgements and losses per window.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { burst } from "../bench/burst";
import { chaosOrderBody, type Load, type Sent } from "./load";
import type { ChaosStack } from "./stack";

export type Trial = {
  kind: "app kill -9" | "PostgreSQL restart" | "main pool exhausted" | "burst";
  /** Epoch ms: when the trial began and when it was over (recovered). */
  from: number;
  to: number;
  /** From the fault (or, for PostgreSQL, from its being back up) to the first acknowledgement after it. */
  recoveryMs: number | null;
  /** What else a trial measures, for the table. */
  note: string;
  /** A burst's own requests: refused (503) or not answered 2xx, and the order ids acknowledged. */
  burst?: { size: number; refused: number; failed: number; acknowledged: string[] };
};

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for the first 2xx of a request that started at or after `since`; its end, or null after `limitMs`. */
async function firstAckAfter(load: Load, since: number, limitMs = 30_000): Promise<number | null> {
  const deadline = now() + limitMs;
  while (now() < deadline) {
    const ack = load.sent.find((s) => s.start >= since && s.status >= 200 && s.status < 300);
    if (ack) return ack.end;
    await sleep(20);
  }
  return null;
}

/** (a) SIGKILL the app server mid-load and start it again. */
export async function killAppTrial(stack: ChaosStack, load: Load): Promise<Trial> {
  await sleep(1_000 + Math.random() * 1_000);
  const from = now();
  stack.killApp();
  await stack.startApp();
  const acked = await firstAckAfter(load, from, 60_000);
  return {
    kind: "app kill -9",
    from,
    to: acked ?? now(),
    recoveryMs: acked === null ? null : acked - from,
    note: "restart included",
  };
}

/** (b) Restart PostgreSQL (fast shutdown, start) mid-load. */
export async function restartPostgresTrial(stack: ChaosStack, load: Load): Promise<Trial> {
  await sleep(1_500);
  const from = now();
  await stack.postgres.restart();
  const up = now();
  const acked = await firstAckAfter(load, up);
  await sleep(500);
  const during = load.sent.filter((s) => s.start >= from && s.start <= (acked ?? up) && s.status !== 200);
  const refusedMs = during.map((s) => s.end - s.start).sort((a, b) => a - b);
  const p99 = refusedMs[Math.min(refusedMs.length - 1, Math.ceil(refusedMs.length * 0.99) - 1)] ?? 0;
  const statuses = [...new Set(during.map((s) => s.status || "no answer"))].join("/");
  return {
    kind: "PostgreSQL restart",
    from,
    to: acked ?? now(),
    recoveryMs: acked === null ? null : acked - up,
    note:
      `down ${((up - from) / 1000).toFixed(1)} s; ${during.length} refused (${statuses || "–"}), ` +
      `p99 ${p99.toFixed(0)} ms; recovery from PostgreSQL up`,
  };
}

/**
 * (c) Every connection of the main pool held by dashboard requests whose queries are slow (they
 * wait on a lock another session holds on "Membership", which every signed-in request reads and
 * ingest never touches), with more waiting for a connection. Webhooks must still be answered
 * within TribeMade's 5 s.
 */
export async function exhaustPoolTrial(stack: ChaosStack, load: Load, cookie: string, holdMs: number): Promise<Trial> {
  const locker = new pg.Client(stack.databaseUrl);
  await locker.connect();
  await locker.query(`BEGIN; LOCK TABLE "Membership" IN ACCESS EXCLUSIVE MODE`);
  const from = now();
  const dashboards = Array.from({ length: 40 }, () =>
    fetch(new URL("/api/deliveries", stack.baseUrl), { headers: { cookie } }).then(
      (response) => response.status,
      () => 0,
    ),
  );
  await sleep(holdMs);
  await locker.query("ROLLBACK");
  await locker.end();
  const statuses = await Promise.all(dashboards);
  const to = now();
  await sleep(500);
  const webhooks = load.sent.filter((s: Sent) => s.start >= from && s.start <= to);
  const slowest = Math.max(0, ...webhooks.map((s) => s.end - s.start));
  const acked = webhooks.filter((s) => s.status === 200).length;
  const waited = statuses.filter((status) => status !== 200).length;
  return {
    kind: "main pool exhausted",
    from,
    to,
    recoveryMs: null,
    note:
      `${holdMs / 1000} s; 40 dashboard requests (${statuses.length - waited} answered 200 after the lock, ${waited} refused); ` +
      `webhooks: ${acked}/${webhooks.length} acknowledged, slowest answer ${slowest.toFixed(0)} ms`,
  };
}

/** Signs in as the demo merchant through next-auth's credentials endpoint; the session cookie. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = (pair ?? "").split("=");
      if (name) jar.set(name.trim(), value.join("="));
    }
  };
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(new URL("/api/auth/csrf", baseUrl));
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(new URL("/api/auth/callback/credentials", baseUrl), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(response);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) {
    throw new Error(`sign-in failed (${response.status})`);
  }
  return cookieHeader();
}

/** (d) `size` distinct new orders at once, each on its own connection, on top of the steady load: none may be refused. */
export async function burstTrial(stack: ChaosStack, size: number): Promise<Trial> {
  await sleep(1_000);
  const ids = Array.from({ length: size }, () => randomUUID());
  const from = now();
  // The steady load's own body: the bench's example payload names a TribeMade store, which this
  // endpoint's store is not linked to (403).
  const answers = await burst(stack.baseUrl, `/api/webhooks/tribemade/${stack.webhookToken}`, ids, chaosOrderBody);
  const ok = (status: number) => status >= 200 && status < 300;
  const refused = answers.filter((answer) => answer.status === 503).length;
  const acknowledged = ids.filter((_, index) => ok(answers[index]?.status ?? 0));
  const slowest = Math.max(...answers.map((answer) => answer.ms));
  // Anything neither 2xx nor 503, by status (0: no answer: a connection error or a timeout).
  const others = new Map<number, number>();
  for (const { status } of answers) if (!ok(status) && status !== 503) others.set(status, (others.get(status) ?? 0) + 1);
  const otherNote = [...others].map(([status, count]) => `${count} × ${status === 0 ? "no answer" : status}`).join(", ");
  return {
    kind: "burst",
    from,
    to: now(),
    recoveryMs: null,
    note: `${size} new orders at once: ${acknowledged.length} acknowledged, ${refused} refused (503), slowest answer ${slowest.toFixed(0)} ms${otherNote ? `; other answers: ${otherNote}` : ""}`,
    burst: { size, refused, failed: size - acknowledged.length - refused, acknowledged },
  };
}
