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

test("a note appears in the order's timeline, and a tag filters the feed from the URL", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const number = freshNumber();
  const tagged = await placeOrderFrom(page.request, { name: `Tara Tagged ${number.slice(-4)}`, number });
  const other = await placeOrderFrom(page.request, { name: `Omar Untagged ${number.slice(-4)}`, number: freshNumber() });
  const row = page.locator("[data-order-id]", { hasText: tagged.order_id.slice(0, 8) });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(page.locator("[data-order-id]", { hasText: other.order_id.slice(0, 8) })).toBeVisible({ timeout: 15_000 });

  // Tag it from the feed's selection, with a new tag.
  await row.getByRole("checkbox").check();
  const bulk = page.getByTestId("bulk-slot");
  await bulk.getByRole("button", { name: "Tags" }).click();
  await page.getByRole("menuitem", { name: "New tag…" }).click();
  const tagName = `Gift ${number.slice(-4)}`;
  const dialog = page.getByRole("dialog", { name: "New tag" });
  await dialog.getByLabel("Name").fill(tagName);
  await dialog.getByRole("button", { name: "Create and add" }).click();
  await expect(row.getByTestId("tags")).toContainText(tagName, { timeout: 15_000 });

  // Filter by it: the URL carries the tag, and only the tagged order is left.
  await page.getByLabel("Tag", { exact: true }).selectOption({ label: tagName });
  await expect(page).toHaveURL(/[?&]tag=[0-9a-f-]{36}/);
  await expect(page.locator("[data-order-id]")).toHaveCount(1);
  await expect(page.locator("[data-order-id]").first()).toContainText(tagged.order_id.slice(0, 8));
  await page.reload();
  await expect(page.locator("[data-order-id]")).toHaveCount(1);

  // A note on the order shows in its timeline, with its author.
  await page.locator("[data-order-id]").first().getByRole("link").first().click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
  await page.getByLabel("Internal note").fill("Customer asked for gift wrap; call before dispatch.");
  await page.getByRole("button", { name: "Add note" }).click();
  const timeline = page.getByTestId("order-timeline");
  await expect(timeline.getByTestId("note")).toContainText("Customer asked for gift wrap; call before dispatch.");
  await expect(timeline.getByTestId("note")).toContainText("wrote a note");
  await expectNoSeriousViolations(page);
});
