import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO } from "../../lib/embedded/demo";
import { signIn, simulatorUrl, type PlacedOrder } from "./support/demo-merchant";

// Customers end to end: a second order from the same phone (typed differently) gets the repeat-buyer
// badge in the open feed without a reload; the badge opens the customer's page with both orders;
// the customers list finds them by phone; the new pages pass axe and fit a phone's width.

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(
    serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

async function placeOrderFrom(request: APIRequestContext, customer: { name: string; number: string }) {
  const placed = await request.post(`${simulatorUrl()}/__control/stores/${DEMO.tribemadeStoreId}/orders`, {
    data: { overrides: { customer } },
  });
  expect(placed.status()).toBe(201);
  return ((await placed.json()) as { payload: PlacedOrder }).payload;
}

/** A mobile number no other test uses: 9 and nine digits of the clock. */
const freshNumber = () => `9${String(Date.now()).slice(-9)}`;

const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

test("a second order from the same phone shows the repeat-buyer badge live and opens the customer", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page);
  await page.evaluate(() => Object.assign(window, { __noReload: true }));
  const number = freshNumber();
  const name = `Meera Repeat ${number.slice(-4)}`;

  const first = await placeOrderFrom(page.request, { name, number: `+91 ${number.slice(0, 5)} ${number.slice(5)}` });
  const firstRow = page.locator("[data-order-id]", { hasText: first.order_id.slice(0, 8) });
  await expect(firstRow).toBeVisible({ timeout: 15_000 });

  const second = await placeOrderFrom(page.request, { name, number: `0${number}` });
  const secondRow = page.locator("[data-order-id]", { hasText: second.order_id.slice(0, 8) });
  await expect(secondRow).toBeVisible({ timeout: 15_000 });
  // The badge arrives once the order has joined its customer (just after verification), live.
  await expect(secondRow.getByTestId("repeat-badge")).toContainText("repeat buyer · 2nd order", { timeout: 20_000 });
  await expect(firstRow.getByTestId("repeat-badge")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

  await secondRow.getByTestId("repeat-badge").click();
  await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  const orders = page.getByRole("table");
  await expect(orders).toContainText(first.order_id.slice(0, 8));
  await expect(orders).toContainText(second.order_id.slice(0, 8));
  await expect(page.getByRole("region", { name: "At a glance" })).toContainText("2");
  await expectNoSeriousViolations(page);

  await page.goto(`/customers?q=${number}`);
  await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
  await expect(page.getByRole("link", { name })).toBeVisible();
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
  await expectNoSeriousViolations(page);
});

test("at a phone's width the customers list and a customer's page fit", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "/customers");
  await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
  await noSidewaysScroll(page);
  await testInfo.attach("customers-phone", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  // The first test made a customer (and the demo store's orders have theirs).
  await page.getByRole("table").getByRole("link").first().click();
  await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
  await noSidewaysScroll(page);
  await testInfo.attach("customer-phone", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});
