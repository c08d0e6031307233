// forward: a verified order is POSTed to the store's fulfillment URL as TribeMade's GET answered it,
// in the webhook's shape, signed the Standard Webhooks way; fields the webhook sent and verification
// did not compare never reach the receiver; failures retry with the same webhook-id; orders
// TribeMade does not confirm are never forwarded; private targets are refused outside the demo.
import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it, vi } from "vitest";
import { startSimulatorForApp } from "@/tests/fixtures/outbox-env";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

// The embedded demo's rule: loopback receivers are allowed (the SSRF test turns it off per drain).
const { sim, control } = await startSimulatorForApp({ env: { TRIBEDESK_DEMO: "1", TRIBEMADE_TIMEOUT_MS: "3000" } });
const { db } = await import("@/lib/db");
const { rotateSigningSecret } = await import("@/lib/fulfillment/mutations");
const { runDrain } = await import("@/lib/outbox/drain");
const { forwardRow } = await import("@/lib/fulfillment/outbox/messages");
const { connectMerchant, drainUntilSettled, receiveOrder } = await import("@/tests/fixtures/outbox");

type Received = { headers: IncomingHttpHeaders; body: Buffer };
const received: Received[] = [];
const answers: number[] = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    received.push({ headers: req.headers, body: Buffer.concat(chunks) });
    res.statusCode = answers.shift() ?? 200;
    res.end("ok");
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/tribemade/orders?token=abc`;

afterAll(async () => {
  await sim.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

const fast = { config: { backoff: { baseMs: 20, capMs: 100 } } };

async function forwardingMerchant(label: string) {
  const merchant = await connectMerchant(control, label);
  await db.store.update({ where: { id: merchant.store.id }, data: { fulfillmentUrl: receiverUrl } });
  const member = { user: merchant.user, store: { id: merchant.store.id, name: merchant.store.name }, role: "owner" as const };
  const { secret } = await rotateSigningSecret(member);
  return { merchant, secret };
}

function verifySignature(request: Received, secret: string): boolean {
  const id = String(request.headers["webhook-id"]);
  const timestamp = String(request.headers["webhook-timestamp"]);
  const expected = createHmac("sha256", Buffer.from(secret.slice("whsec_".length), "base64"))
    .update(`${id}.${timestamp}.${request.body.toString("utf8")}`)
    .digest("base64");
  return String(request.headers["webhook-signature"]).split(" ").includes(`v1,${expected}`);
}

describe("forward", () => {
  it("POSTs a verified order as TribeMade has it, in the webhook's shape, signed, and records it on the timeline", async () => {
    received.length = 0;
    const { merchant, secret } = await forwardingMerchant("Forward");
    const { order, simOrder } = await receiveOrder(control, merchant);

    expect(received).toHaveLength(1);
    const [request] = received as [Received];
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { orderId: order.id } });
    const webhook = JSON.parse(Buffer.from(delivery.body).toString("utf8")) as Record<string, unknown>;
    const sent = JSON.parse(request.body.toString("utf8")) as Record<string, unknown>;
    // The webhook's fields, with TribeMade's values: the same as the webhook here, since nobody
    // altered it (the address is the webhook's one string, from GET's object).
    expect(Object.keys(sent).toSorted()).toEqual(Object.keys(webhook).toSorted());
    expect(sent).toMatchObject({
      event: "order.created",
      order_id: simOrder.id,
      customer: webhook.customer as object,
      order_details: { ...(webhook.order_details as object), custom_questions: expect.any(Array) },
    });
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["webhook-id"]).toMatch(/^msg_\d+$/);
    expect(Math.abs(Number(request.headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(30);
    expect(verifySignature(request, secret)).toBe(true);
    expect(verifySignature(request, "whsec_" + Buffer.alloc(32, 1).toString("base64"))).toBe(false);

    const forwarded = await db.orderEvent.findFirstOrThrow({ where: { orderId: order.id, type: "forwarded" } });
    expect(forwarded.data).toMatchObject({ httpStatus: 200, webhookId: request.headers["webhook-id"] });
    const attempt = await db.outboxAttempt.findFirstOrThrow({ where: { orderId: order.id, kind: "forward" } });
    // The query string (the receiver's own token) is not kept.
    expect(attempt).toMatchObject({ method: "POST", path: receiverUrl.split("?")[0], httpStatus: 200, outcome: "success" });
  });

  it("forwards TribeMade's address, variation and instructions, not the ones an altered webhook sent", async () => {
    received.length = 0;
    const { merchant } = await forwardingMerchant("Spoofed");
    // A real order id, posted first by someone holding the webhook URL, with their own address: the
    // fields verification compares are left as TribeMade has them, so the order verifies.
    const { order, simOrder } = await receiveOrder(control, merchant, {
      mutate: (payload) => {
        const customer = payload.customer as Record<string, unknown>;
        const details = payload.order_details as Record<string, unknown>;
        customer.full_address = "Warehouse 9, Attacker Road, Elsewhere";
        details.variation = "Attacker Gold";
        details.size = "XXXL";
        details.color = "Attacker Red";
        details.special_instructions = "Attacker: ship to the address above";
        details.custom_questions = [{ question: "Attacker?", answer: "yes" }];
      },
    });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).verification).toBe("verified");

    expect(received).toHaveLength(1);
    const text = received[0]!.body.toString("utf8");
    expect(text).not.toContain("Attacker");
    expect(text).not.toContain("XXXL");
    const sent = JSON.parse(text) as { customer: Record<string, unknown>; order_details: Record<string, unknown> };
    const address = simOrder.customer.full_address as Record<string, string | null>;
    expect(sent.customer.full_address).toBe(
      [address.line1, address.line2, address.city, address.state, address.country].filter(Boolean).join(", "),
    );
    expect(sent.order_details).toMatchObject({
      variation: simOrder.order_details.variation ?? null,
      size: simOrder.order_details.size ?? null,
      color: simOrder.order_details.color ?? null,
      special_instructions: simOrder.order_details.special_instructions ?? null,
    });
  });

  it("retries a failing receiver with the same webhook-id", async () => {
    received.length = 0;
    answers.push(503, 500);
    const { merchant } = await forwardingMerchant("Retry");
    await receiveOrder(control, merchant);
    await drainUntilSettled(merchant.store.id, fast);
    expect(received.map((r) => r.headers["webhook-id"])).toEqual(Array(3).fill(received[0]!.headers["webhook-id"]));
    const forward = await db.outboxMessage.findFirstOrThrow({ where: { storeId: merchant.store.id, kind: "forward" } });
    expect(forward).toMatchObject({ status: "done", attempts: 3 });
  });

  it("never forwards an order TribeMade does not confirm", async () => {
    received.length = 0;
    const { merchant } = await forwardingMerchant("Forged");
    const { order } = await receiveOrder(control, merchant, {
      mutate: (payload) => void (payload.order_id = crypto.randomUUID()),
    });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).verification).toBe("not_found");
    expect(await db.outboxMessage.count({ where: { storeId: merchant.store.id, kind: "forward" } })).toBe(0);
    expect(received).toHaveLength(0);
  });

  it("refuses loopback and private targets outside the embedded demo, for good, with the reason", async () => {
    received.length = 0;
    const { merchant } = await forwardingMerchant("Ssrf");
    for (const target of [
      "http://127.0.0.1:9/x",
      "https://10.1.2.3/x",
      "https://[::1]/x",
      "https://localhost/x",
      "http://example.com/x",
    ]) {
      await db.store.update({ where: { id: merchant.store.id }, data: { fulfillmentUrl: target } });
      // The webhook's own wake-up drains with the demo's rule; what it queued is replaced by a
      // forward that a drain with production's rule sends.
      const { order } = await receiveOrder(control, merchant);
      await db.outboxMessage.deleteMany({ where: { storeId: merchant.store.id, kind: "forward", status: { not: "dead" } } });
      await db.outboxMessage.createMany({
        data: [
          {
            ...forwardRow(merchant.store.id, { orderId: order.id, tribemadeOrderId: order.tribemadeOrderId }),
            dedupeKey: `ssrf:${target}`,
          },
        ],
      });
      await runDrain({ trigger: "cron", storeId: merchant.store.id, config: { allowPrivateTargets: false } });
      const dead = await db.outboxMessage.findFirstOrThrow({
        where: { storeId: merchant.store.id, dedupeKey: `ssrf:${target}` },
      });
      expect(dead.status, target).toBe("dead");
      expect(dead.lastError, target).toMatch(/private or reserved address|must use https/);
    }
    expect(received).toHaveLength(0);
    const failed = await db.orderEvent.count({ where: { storeId: merchant.store.id, type: "forward_failed" } });
    expect(failed).toBe(5);
  });
});
