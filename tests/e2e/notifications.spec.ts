import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Worker } from "@playwright/test";
import { placeOrder, signIn } from "./support/demo-merchant";

// The installable app and its notifications in Chromium: the manifest passes Chromium's own
// installability check, the service worker registers and controls the page, a push delivered to it
// through the DevTools protocol (no push service here) shows its notification, and opening that
// notification brings the window to the order. Settings → Notifications passes axe.

test("installable, and a pushed new order shows a notification that opens the order", async ({ page, context }) => {
  await context.grantPermissions(["notifications"]);
  await signIn(page, "/settings/notifications");
  await expect(page.getByRole("heading", { name: "Your devices" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Turn on for this device" })).toBeVisible();
  await expect(page.getByRole("switch", { name: "New orders by push" })).toBeChecked();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // The worker registers and takes control of the page.
  const scriptUrl = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
  expect(scriptUrl).toMatch(/\/sw\.js$/);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  const cdp = await context.newCDPSession(page);
  const installability = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: { errorId: string }[] };
  // Playwright's contexts are incognito profiles, where Chromium never offers to install; every other check must pass.
  expect(installability.installabilityErrors.filter((e) => e.errorId !== "in-incognito")).toEqual([]);
  const manifest = (await cdp.send("Page.getAppManifest")) as { errors: unknown[]; url: string };
  expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
  expect(manifest.errors).toEqual([]);

  // An order arrives; its push reaches the worker the way a push service would deliver it.
  const placed = await placeOrder(page.request);
  let orderId = "";
  await expect
    .poll(async () => {
      const found = (await (await page.request.get(`/api/orders?q=${placed.order_id.slice(0, 8)}`)).json()) as {
        items: { id: string }[];
      };
      orderId = found.items[0]?.id ?? "";
      return orderId;
    })
    .not.toBe("");
  const origin = new URL(page.url()).origin;
  const registrationId = await new Promise<string>((resolve) => {
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      const mine = registrations.find((r: { scopeURL: string }) => r.scopeURL === `${origin}/`);
      if (mine) resolve(mine.registrationId);
    });
    void cdp.send("ServiceWorker.enable");
  });
  const payload = {
    title: "New order",
    body: "₹1,299 · Handloom Cotton Kurta ×1 · Farhan M.",
    url: `/orders/${orderId}`,
    tag: `order:${orderId}`,
  };
  // Delivered again on each poll until it shows: a push service redelivers what a worker did not
  // take, and one loaded CI run showed nothing 10 s after a single delivery. The same tag
  // replaces rather than adds, so a second delivery cannot make a second notification.
  await expect
    .poll(
      async () => {
        await cdp.send("ServiceWorker.deliverPushMessage", { origin, registrationId, data: JSON.stringify(payload) });
        return page.evaluate(async () =>
          (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => [n.title, n.body, n.data.url]),
        );
      },
      { timeout: 30_000, intervals: [1_000, 2_000, 4_000] },
    )
    .toEqual([[payload.title, payload.body, payload.url]]);

  // Opening it (what a tap does) brings the window to the order.
  const worker = await serviceWorker(context.serviceWorkers());
  await worker.evaluate(async () => {
    const [notification] = await self.registration.getNotifications();
    // Defined in public/sw.js.
    await (self as unknown as { openFromNotification: (n: unknown) => Promise<void> }).openFromNotification(notification!);
  });
  await page.waitForURL(`**/orders/${orderId}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a page that cannot load shows the offline page", async ({ page, context }) => {
  await signIn(page, "/settings/notifications");
  await page.evaluate(async () => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  await page.goto("/orders").catch(() => undefined);
  await expect(page.getByRole("heading", { name: "You're offline" })).toBeVisible();
  await context.setOffline(false);
});

async function serviceWorker(workers: Worker[]): Promise<Worker> {
  const found = workers.find((w) => w.url().endsWith("/sw.js"));
  if (!found) throw new Error("no service worker");
  return found;
}

/** What the test reads in the worker's scope (the DOM lib has no ServiceWorkerGlobalScope). */
declare const self: {
  registration: { getNotifications(): Promise<{ title: string; body: string; data: { url: string } }[]> };
};
