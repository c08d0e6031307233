import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { orderCreated } from "@/tests/fixtures/webhook-payloads";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

// The database is "down" in the worst way: something accepts TCP connections on its port and never
// answers, so only the pool's 2 s connect timeout (lib/db.ts) can end the wait. Set before the
// app's modules load.
const sockets = new Set<net.Socket>();
const blackHole = net.createServer((socket) => sockets.add(socket));

beforeAll(async () => {
  await new Promise<void>((resolve) => blackHole.listen(0, "127.0.0.1", resolve));
  const { port } = blackHole.address() as net.AddressInfo;
  process.env.DATABASE_URL = `postgresql://nobody:nothing@127.0.0.1:${port}/none`;
  await import("@/app/api/webhooks/tribemade/[token]/route");
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => blackHole.close(resolve));
});

describe("POST /api/webhooks/tribemade/[token] with the database down", () => {
  it.each([
    ["a valid order", JSON.stringify(orderCreated())],
    ["a rejected body (it would have been recorded)", "not json"],
  ])("answers 503 unavailable for %s within ~2.5 s, far inside TribeMade's 5 s", async (_, body) => {
    const { postWebhook } = await import("@/tests/fixtures/webhook-client");
    const warnings = vi.spyOn(console, "warn").mockImplementation(() => {});
    const started = performance.now();
    const response = await postWebhook("some-token", body);
    const elapsed = performance.now() - started;
    warnings.mockRestore();

    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.body).toEqual({ error: "unavailable", message: "The database is unavailable; try again shortly." });
    expect(elapsed).toBeLessThan(2_500);
  });
});
