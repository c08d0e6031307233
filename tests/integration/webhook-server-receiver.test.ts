import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { SECURITY_HEADERS } from "@/lib/http/security-headers";
import { createStoreWithEndpoint } from "@/tests/fixtures/factories";
import { callWebhook, postToServer, receiverBaseUrl, settleAfterTasks } from "@/tests/fixtures/webhook-client";
import { DOCS_EXAMPLE_BODY, orderCreated } from "@/tests/fixtures/webhook-payloads";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

// The production server answers webhooks before Next.js (lib/webhooks/ingest/server-receiver.ts).
// It must be the route in every answer and every stored row (the pooler tier runs the whole ingest
// suite through it); here: the two side by side, and what only a raw HTTP server can get wrong.

const deliveryOf = async (endpointId: string) => {
  const rows = await db.webhookDelivery.findMany({ where: { endpointId } });
  return rows.map(({ outcome, reason, errors, warnings, bodySha256, bodySize }) => ({
    outcome,
    reason,
    errors,
    warnings,
    bodySha256,
    bodySize,
  }));
};

const oversized = JSON.stringify({ ...orderCreated(), padding: "x".repeat(300 * 1024) });

describe("webhook receiver on the production server", () => {
  it.each([
    ["the Webhooks page's example", DOCS_EXAMPLE_BODY],
    ["not JSON", "{not json"],
    ["an empty body", ""],
    ["a payload missing fields", JSON.stringify({ event: "order.created" })],
    ["another event", JSON.stringify({ ...orderCreated(), event: "order.updated" })],
    ["a body past 256 KiB", oversized],
  ])("answers %s as the Next.js route does, and stores the same delivery", async (_, body) => {
    const viaRoute = await createStoreWithEndpoint();
    const viaServer = await createStoreWithEndpoint();
    const routeAnswer = await callWebhook(viaRoute.token, body);
    const serverAnswer = await postToServer(viaServer.token, body);
    await settleAfterTasks();

    expect(serverAnswer.status).toBe(routeAnswer.status);
    expect(serverAnswer.body).toEqual(routeAnswer.body);
    expect(await deliveryOf(viaServer.endpoint.id)).toEqual(await deliveryOf(viaRoute.endpoint.id));
    expect(await deliveryOf(viaServer.endpoint.id)).toHaveLength(1);
  });

  it("answers a repeat as duplicate and an unknown URL 404, as the route does", async () => {
    const { token } = await createStoreWithEndpoint();
    const body = JSON.stringify(orderCreated());
    expect((await postToServer(token, body)).body).toMatchObject({ status: "accepted" });
    expect((await postToServer(token, body)).body).toMatchObject({ status: "duplicate" });
    const unknown = await postToServer("not-a-real-token", body);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual((await callWebhook("not-a-real-token", body)).body);
  });

  it("sends the app's security headers and JSON, and records the sender's headers", async () => {
    const { endpoint, token } = await createStoreWithEndpoint();
    const answer = await postToServer(token, JSON.stringify(orderCreated()), { "x-request-id": "abc" });
    expect(answer.headers.get("content-type")).toBe("application/json");
    for (const { key, value } of SECURITY_HEADERS) expect(answer.headers.get(key)).toBe(value);
    const [delivery] = await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
    expect(delivery?.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": "TribeMade-Webhook/1.0",
      "x-request-id": "abc",
    });
  });

  it("closes the connection after a body past the cap, and keeps it after a refusal it did not read", async () => {
    const { token } = await createStoreWithEndpoint();
    expect((await postToServer(token, oversized)).headers.get("connection")).toBe("close");
    expect((await rawPost(`/api/webhooks/tribemade/not-a-real-token`, "{}")).connection).toBe("keep-alive");
  });

  it("writes nothing for a sender that hangs up mid-body, and keeps answering", async () => {
    const { endpoint, token } = await createStoreWithEndpoint();
    const base = new URL(await receiverBaseUrl());
    const socket = connect(Number(base.port), base.hostname);
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write(
      `POST /api/webhooks/tribemade/${token} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"event":`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await settleAfterTasks();
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
    expect((await postToServer(token, JSON.stringify(orderCreated()))).status).toBe(200);
  });

  it("answers 408 when the body does not arrive within 2 s, writing nothing, and closes the connection", async () => {
    const { endpoint, token } = await createStoreWithEndpoint();
    const base = new URL(await receiverBaseUrl());
    const socket = connect(Number(base.port), base.hostname);
    let answer = "";
    let ended = false;
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
    socket.on("end", () => (ended = true));
    socket.write(`POST /api/webhooks/tribemade/${token} HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n{"ev`);
    await vi.waitFor(() => expect(answer).toContain("\r\n\r\n"), { timeout: 4_000 });
    expect(answer.startsWith("HTTP/1.1 408")).toBe(true);
    expect(answer).toContain('"error":"request_timeout"');
    // The rest of a trickled body is never read: the server hangs up instead of holding the socket.
    expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    await vi.waitFor(() => expect(ended).toBe(true), { timeout: 2_000 });
    socket.destroy();
    await settleAfterTasks();
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
  });
});

/** A POST over node:http, to read the Connection header fetch hides. */
async function rawPost(path: string, body: string): Promise<{ status: number; connection: string | undefined }> {
  const url = new URL(path, await receiverBaseUrl());
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: "POST", headers: { "content-type": "application/json" } }, (response) => {
      response.resume();
      response.once("end", () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }));
    });
    request.once("error", reject);
    request.end(body);
  });
}
