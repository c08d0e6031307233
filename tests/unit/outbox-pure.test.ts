// The outbox's pure parts: backoff, order comparison, "already applied", budget display, the
// Standard Webhooks signature (the spec's published vector) and which addresses are public.
import { describe, expect, it } from "vitest";
import { backoffDelayMs } from "@/lib/outbox/backoff";
import { budgetView } from "@/lib/outbox/budget-view";
import type { OrderRow } from "@/lib/outbox/drain-types";
import { compareWithWebhook, patchFromTribemade, pushAlreadyApplied } from "@/lib/orders/outbox/order-compare";
import { isPublicAddress } from "@/lib/fulfillment/public-address";
import { signatureHeaders } from "@/lib/fulfillment/signature";
import type { TribemadeOrder } from "@/lib/tribemade/client/order-schema";

describe("backoffDelayMs", () => {
  const backoff = { baseMs: 2_000, capMs: 7_200_000 };
  it("draws uniformly under a doubling ceiling (full jitter), never zero", () => {
    expect(backoffDelayMs(1, backoff, () => 0.999)).toBe(1_998);
    expect(backoffDelayMs(1, backoff, () => 0)).toBe(250);
    expect(backoffDelayMs(4, backoff, () => 0.5)).toBe(8_000);
  });
  it("reaches hours and stays under the cap", () => {
    expect(backoffDelayMs(13, backoff, () => 0.999)).toBeGreaterThan(2 * 60 * 60 * 1000 - 10_000);
    expect(backoffDelayMs(40, backoff, () => 1)).toBe(7_200_000);
  });
});

const ours: OrderRow = {
  id: "00000000-0000-4000-8000-000000000001",
  storeId: "00000000-0000-4000-8000-000000000002",
  tribemadeOrderId: "00000000-0000-4000-8000-000000000003",
  status: "started",
  customerName: "Rahul  Sharma",
  customerEmail: "Rahul.Sharma@example.com",
  customerPhone: "+91 98765 43210",
  customerPincode: "400001",
  amount: "2048.00",
  quantity: 2,
  productId: "660E8400-E29B-41D4-A716-446655440123",
  productName: null,
  productImage: null,
  trackingUrl: null,
  rating: null,
  review: null,
  verification: "unverified",
  version: 0,
  hasPendingPush: false,
};

const theirs = {
  id: ours.tribemadeOrderId,
  product_id: "660e8400-e29b-41d4-a716-446655440123",
  product_name: "Masala Chai",
  product_image: "https://cdn.example/chai.jpg",
  status: "processing",
  customer: {
    name: "rahul sharma",
    email: "rahul.sharma@example.com",
    number: "9876543210",
    full_address: { city: "Mumbai" },
    pincode: "400001",
  },
  order_details: { quantity: 2, amount: 2048 },
  rating: null,
  review: null,
  tracking_url: null,
} as TribemadeOrder;

describe("compareWithWebhook", () => {
  it("ignores case, spacing, +91 and trailing zeros", () => {
    expect(compareWithWebhook(ours, theirs)).toEqual([]);
  });
  it("lists each field that differs with both values", () => {
    const other = {
      ...theirs,
      customer: { ...theirs.customer, pincode: "400002" },
      order_details: { quantity: 3, amount: 2048.01 },
    };
    expect(compareWithWebhook(ours, other as TribemadeOrder)).toEqual([
      { field: "customer.pincode", webhook: "400001", tribemade: "400002" },
      { field: "order_details.amount", webhook: "2048.00", tribemade: 2048.01 },
      { field: "order_details.quantity", webhook: 2, tribemade: 3 },
    ]);
  });
  it("does not hold a missing product id in the webhook against TribeMade", () => {
    expect(compareWithWebhook({ ...ours, productId: null }, theirs)).toEqual([]);
  });
});

describe("patchFromTribemade", () => {
  it("takes TribeMade's status and tracking only when no push is waiting", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    expect(patchFromTribemade(ours, theirs, now).changes).toEqual([{ field: "status", from: "started", to: "processing" }]);
    const waiting = patchFromTribemade({ ...ours, hasPendingPush: true }, theirs, now);
    expect(waiting.changes).toEqual([]);
    expect(waiting.set.status).toBeUndefined();
    expect(waiting.set).toMatchObject({ productName: "Masala Chai", lastRefreshedAt: now.toISOString() });
  });
});

describe("TribeMade's tracking_url", () => {
  const now = new Date("2026-12-01T10:00:00Z");
  it.each([
    ["javascript:alert(document.cookie)", null],
    [" JavaScript:alert(1)", null],
    ["data:text/html,<script>alert(1)</script>", null],
    ["vbscript:msgbox(1)", null],
    ["//evil.example/track", null],
    ["https://www.delhivery.com/track/package/1610000000001", "https://www.delhivery.com/track/package/1610000000001"],
    ["http://track.example.in/AB123", "http://track.example.in/AB123"],
  ])("%s is stored as %s", (tracking, stored) => {
    const { set } = patchFromTribemade(ours, { ...theirs, tracking_url: tracking }, now);
    expect(set.trackingUrl ?? null).toBe(stored);
  });
});

describe("pushAlreadyApplied", () => {
  it.each([
    ["processing", "processing", true],
    ["processing", "dispatched", true],
    ["dispatched", "delivered", true],
    ["processing", "started", false],
    ["cancelled", "cancelled", true],
    ["processing", "cancelled", false],
    ["cancelled", "processing", false],
  ])("push %s, TribeMade has %s → %s", (target, current, expected) => {
    expect(pushAlreadyApplied(target, current)).toBe(expected);
  });
});

describe("budgetView", () => {
  const now = new Date("2026-12-01T10:00:30Z");
  it("shows the current window's count and when it resets", () => {
    const row = { windowStart: new Date("2026-12-01T10:00:07Z"), used: 14, blockedUntil: null };
    expect(budgetView("order_status", row, 20, 60_000, now)).toEqual({
      bucket: "order_status",
      used: 14,
      limit: 20,
      windowMs: 60_000,
      resetsAt: new Date("2026-12-01T10:01:07Z"),
      blockedUntil: null,
    });
  });
  it("shows a full budget once the window has passed, and a 429 block until it ends", () => {
    const row = { windowStart: new Date("2026-12-01T09:58:00Z"), used: 20, blockedUntil: new Date("2026-12-01T10:00:40Z") };
    expect(budgetView("order_status", row, 20, 60_000, now)).toMatchObject({
      used: 0,
      resetsAt: null,
      blockedUntil: row.blockedUntil,
    });
  });
});

describe("Standard Webhooks signature", () => {
  it("reproduces the specification's published test vector", () => {
    const headers = signatureHeaders({
      id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
      timestamp: 1614265330,
      body: '{"test": 2432232314}',
      secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    });
    expect(headers).toEqual({
      "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
      "webhook-timestamp": "1614265330",
      "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    });
  });
});

describe("isPublicAddress", () => {
  it.each([
    ["8.8.8.8", true],
    ["104.16.0.1", true],
    ["2606:4700::1111", true],
    ["::ffff:8.8.8.8", true],
    ["127.0.0.1", false],
    ["10.0.0.5", false],
    ["172.20.1.1", false],
    ["192.168.1.1", false],
    ["169.254.169.254", false],
    ["100.64.0.1", false],
    ["0.0.0.0", false],
    ["224.0.0.1", false],
    ["::1", false],
    ["::", false],
    ["fd00::1", false],
    ["fe80::1", false],
    ["::ffff:127.0.0.1", false],
    ["::ffff:7f00:1", false],
    ["not an ip", false],
  ])("%s → %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});
