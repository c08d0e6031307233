import { describe, expect, it } from "vitest";
import { incidentKey, nextIncident, REOPEN_MS } from "@/lib/notifications/alerts/incident";
import { isSilent, MIN_SILENCE_MS } from "@/lib/notifications/alerts/silence";
import { deviceLabel } from "@/lib/notifications/device-label";
import { newOrderNotification, shortMoney, shortName } from "@/lib/notifications/new-order";
import { notificationRows } from "@/lib/notifications/outbox/messages";
import { pushEndpointAllowed } from "@/lib/notifications/push-endpoint";
import { istDay, summaryNotification } from "@/lib/notifications/summary/summary-text";
import { defaultPreference } from "@/lib/notifications/topics";

const ORDER = "0b6f5c1e-8a9d-4f3e-9c2b-1a2b3c4d5e6f";

describe("the new-order push", () => {
  it("reads like the issue asks: ₹1,299 · Handloom Cotton Kurta ×1 · Farhan M.", () => {
    const payload = newOrderNotification({
      orderId: ORDER,
      amount: "1299.00",
      productName: "Handloom Cotton Kurta",
      quantity: 1,
      customerName: "Farhan Mansoor",
    });
    expect(payload).toEqual({
      key: `order:${ORDER}`,
      topic: "new_order",
      title: "New order",
      body: "₹1,299 · Handloom Cotton Kurta ×1 · Farhan M.",
      url: `/orders/${ORDER}`,
    });
  });

  it("keeps paise, groups lakhs, and names only a first name and an initial", () => {
    expect(shortMoney("125000.50")).toBe("₹1,25,000.50");
    expect(shortName("  Priya  ")).toBe("Priya");
    expect(shortName("farhan ali khan")).toBe("farhan K.");
    expect(newOrderNotification({ orderId: ORDER, amount: "10", productName: null, quantity: 3, customerName: "" }).body).toBe(
      "₹10 · Order ×3",
    );
  });

  it("is one row per channel, each enqueued once per key", () => {
    const rows = notificationRows(
      ORDER,
      newOrderNotification({ orderId: ORDER, amount: "1", productName: "x", quantity: 1, customerName: "A" }),
    );
    expect(rows.map((row) => [row.kind, row.dedupeKey, row.priority])).toEqual([
      ["notify_push", `notify:push:order:${ORDER}`, 0],
      ["notify_email", `notify:email:order:${ORDER}`, 0],
    ]);
  });
});

describe("alert incidents", () => {
  const t0 = new Date("2026-12-07T10:00:00Z");
  const later = (ms: number) => new Date(t0.getTime() + ms);
  const closed = { incident: 0, openedAt: null, resolvedAt: null };

  it("open once, stay quiet while open, resolve once", () => {
    const opened = nextIncident(closed, true, t0);
    expect(opened).toEqual({ state: { incident: 1, openedAt: t0, resolvedAt: null }, tell: "opened" });
    expect(nextIncident(opened.state, true, later(60_000)).tell).toBeNull();
    const resolved = nextIncident(opened.state, false, later(120_000));
    expect(resolved).toEqual({ state: { incident: 1, openedAt: null, resolvedAt: later(120_000) }, tell: "resolved" });
    expect(nextIncident(resolved.state, false, later(180_000)).tell).toBeNull();
  });

  it("a condition that comes back soon is the same incident, told nothing new (the rate limit)", () => {
    const resolved = { incident: 4, openedAt: null, resolvedAt: t0 };
    const flap = nextIncident(resolved, true, later(REOPEN_MS - 1));
    expect(flap).toEqual({ state: { incident: 4, openedAt: later(REOPEN_MS - 1), resolvedAt: null }, tell: null });
    expect(nextIncident(resolved, true, later(REOPEN_MS)).state.incident).toBe(5);
    expect(incidentKey("dead_letter", 5, "opened")).toBe("alert:dead_letter:5:opened");
  });

  it("webhook silence needs hours of quiet AND a history that expected orders in them", () => {
    const now = new Date("2026-12-07T12:00:00Z");
    const quietSince = new Date(now.getTime() - MIN_SILENCE_MS);
    expect(isSilent({ lastWebhookAt: quietSince, expected: 3, now })).toBe(true);
    expect(isSilent({ lastWebhookAt: quietSince, expected: 2.9, now })).toBe(false);
    expect(isSilent({ lastWebhookAt: new Date(now.getTime() - MIN_SILENCE_MS + 1), expected: 50, now })).toBe(false);
    expect(isSilent({ lastWebhookAt: null, expected: 50, now })).toBe(false);
  });
});

describe("the daily summary", () => {
  it("is due from 08:00 IST and covers the IST day before", () => {
    expect(istDay(new Date("2026-12-07T02:29:00Z"))).toMatchObject({ today: "2026-12-07", yesterday: "2026-12-06", due: false });
    const due = istDay(new Date("2026-12-07T02:30:00Z"));
    expect(due).toMatchObject({ today: "2026-12-07", yesterday: "2026-12-06", due: true });
    expect(due.todayStartUtc.toISOString()).toBe("2026-12-06T18:30:00.000Z");
    // 23:00 UTC is already the next IST day.
    expect(istDay(new Date("2026-12-07T23:00:00Z"))).toMatchObject({ today: "2026-12-08", due: false });
  });

  it("says yesterday's orders and what waits", () => {
    const payload = summaryNotification("Kurta House", {
      day: "2026-12-06",
      orders: 12,
      revenue: "15588.00",
      toProcess: 5,
      olderThanDay: 2,
      failedSyncs: 0,
    });
    expect(payload.title).toBe("Kurta House: 12 order(s) yesterday, ₹15,588");
    expect(payload.emailText).toBe(
      "Yesterday (2026-12-06): 12 order(s), ₹15,588.\nTo process now: 5, 2 of them over 24 h old.\nEvery status change reached TribeMade.",
    );
  });
});

describe("who is told by default", () => {
  it("new orders by push to everyone; alerts to owners; the summary by email to owners", () => {
    expect(defaultPreference("new_order", "push", "staff")).toBe(true);
    expect(defaultPreference("new_order", "email", "owner")).toBe(false);
    expect(defaultPreference("key_rejected", "email", "owner")).toBe(true);
    expect(defaultPreference("key_rejected", "push", "staff")).toBe(false);
    expect(defaultPreference("daily_summary", "email", "owner")).toBe(true);
    expect(defaultPreference("daily_summary", "push", "owner")).toBe(false);
  });
});

describe("devices", () => {
  it("names a device from its user agent", () => {
    expect(deviceLabel("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36")).toBe(
      "Chrome on Android",
    );
    expect(
      deviceLabel(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Version/18.1 Mobile/15E148 Safari/604.1",
      ),
    ).toBe("Safari on iOS");
    expect(deviceLabel("Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/131.0 Safari/537.36 Edg/131.0")).toBe(
      "Edge on Windows",
    );
    expect(deviceLabel(null)).toBe("Browser");
  });

  it("accepts only browsers' push services, https, default port (SSRF)", () => {
    expect(pushEndpointAllowed("https://fcm.googleapis.com/fcm/send/abc", false)).toBe(true);
    expect(pushEndpointAllowed("https://web.push.apple.com/QGx", false)).toBe(true);
    expect(pushEndpointAllowed("https://wns2-par02p.notify.windows.com/w/?token=x", false)).toBe(true);
    expect(pushEndpointAllowed("http://fcm.googleapis.com/fcm/send/abc", false)).toBe(false);
    expect(pushEndpointAllowed("https://fcm.googleapis.com.evil.example/x", false)).toBe(false);
    expect(pushEndpointAllowed("https://127.0.0.1/push", false)).toBe(false);
    expect(pushEndpointAllowed("http://127.0.0.1:4000/push/x", true)).toBe(true);
    expect(pushEndpointAllowed("file:///etc/passwd", true)).toBe(false);
  });
});
