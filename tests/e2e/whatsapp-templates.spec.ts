import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO } from "../../lib/embedded/demo";
import { placeOrder, signIn } from "./support/demo-merchant";

// Settings → WhatsApp in Chromium: an unknown placeholder is refused as typed, the preview fills a
// sample order, "Reset to default" brings the default back; axe on the page, and it fits a phone.
// A saved wording is what the order page's WhatsApp button types in. Each test resets what it saved:
// the demo store is shared with the other specs. At a phone's width the feed's row action opens the
// same menu for that order: a real popup to wa.me (answered here), and the order's timeline notes it.

const SHOTS = "/work/wt/shots/i24";
const ROW_SHOTS = "/work/wt/shots/i24b";
const WORDING = "Hi {customer}! Your {product} ×{quantity} ({amount}) from {store} is confirmed.";

function confirmedEnglish(page: Page) {
  return page.getByRole("region", { name: /English/ }).filter({ has: page.locator("#template-confirmed-en") });
}

async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(
    serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

/**
 * Types the wording in until the preview shows it: text filled before React hydrated the form
 * reaches neither its state nor the preview (a first run saved it joined to the default).
 */
async function typeWording(page: Page) {
  const editor = confirmedEnglish(page);
  await expect(async () => {
    await editor.getByRole("textbox").fill(WORDING);
    await expect(editor.getByRole("textbox")).toHaveValue(WORDING, { timeout: 1_000 });
    await expect(page.getByTestId("template-confirmed-en-preview")).toHaveText(
      `Hi Farhan! Your Handloom Cotton Kurta ×1 (₹1,299) from ${DEMO.storeName} is confirmed.`,
      { timeout: 1_000 },
    );
  }).toPass();
}

async function saveWording(page: Page) {
  const editor = confirmedEnglish(page);
  await typeWording(page);
  await editor.getByRole("button", { name: /^Save/ }).click();
  await expect(page.getByText("Saved Order confirmed (English)")).toBeVisible();
  await expect(editor.getByText("Your wording", { exact: true })).toBeVisible();
}

async function resetWording(page: Page) {
  await confirmedEnglish(page)
    .getByRole("button", { name: /^Reset to default/ })
    .click();
  await expect(page.getByText("Order confirmed (English) is back to the default")).toBeVisible();
  await expect(confirmedEnglish(page).getByText("Default", { exact: true })).toBeVisible();
}

test("Settings → WhatsApp checks placeholders as typed, previews, saves, resets; axe; phone width", async ({ page }) => {
  await signIn(page, "/settings/whatsapp");
  const editor = confirmedEnglish(page);
  const text = editor.getByRole("textbox");
  await expect(editor.getByText("Default", { exact: true })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/settings-whatsapp-desktop.png`, fullPage: true });

  await text.fill("Thanks {custmer}, see you!");
  await expect(editor).toContainText("Unknown placeholder {custmer}. Use {customer}");
  await expect(text).toHaveAttribute("aria-invalid", "true");
  await expect(editor.getByRole("button", { name: /^Save/ })).toBeDisabled();

  await saveWording(page);
  await expectAxeClean(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(confirmedEnglish(page).getByRole("textbox")).toHaveValue(WORDING);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/settings-whatsapp-phone.png`, fullPage: true });
  await expectAxeClean(page);

  await resetWording(page);
  await page.reload();
  await expect(confirmedEnglish(page).getByRole("textbox")).toHaveValue(/^Hi \{customer\}, thank you for your order/);
});

test("the order page's WhatsApp menu types in the store's own wording", async ({ page }) => {
  // Placing an order waits for its webhook's acknowledgement, which a loaded machine can stretch.
  test.setTimeout(180_000);
  await signIn(page, "/settings/whatsapp");
  await saveWording(page);

  const name = `Wording Test ${Math.random().toString(36).slice(2, 8)}`;
  const placed = await placeOrder(page.request, { name, number: "9845012345" });
  await page.goto("/orders");
  const row = page.locator("[data-order-id]", { hasText: name });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await row
    .getByRole("link", { name: placed.order_id.slice(0, 8) })
    .first()
    .click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
  // wa.me is outside these machines: the link the menu opens is caught instead.
  await page.evaluate(() => {
    const opened: string[] = [];
    (window as unknown as { opened: string[] }).opened = opened;
    window.open = (url?: string | URL) => {
      opened.push(String(url));
      return null;
    };
  });
  await page.getByRole("button", { name: "WhatsApp" }).click();
  await page.getByRole("menuitem", { name: "Order confirmed" }).first().click();
  const opened = await page.evaluate(() => (window as unknown as { opened: string[] }).opened);
  expect(opened).toHaveLength(1);
  const link = new URL(opened[0]!);
  expect(link.origin + link.pathname).toBe("https://wa.me/919845012345");
  const store = DEMO.storeName.replace(/[.()&]/g, "\\$&");
  expect(link.searchParams.get("text")).toMatch(
    new RegExp(`^Hi Wording! Your .+ ×\\d+ \\(₹[\\d,]+(\\.\\d\\d)?\\) from ${store} is confirmed\\.$`),
  );

  await page.goto("/settings/whatsapp");
  await resetWording(page);
});

test("at a phone's width a feed row's WhatsApp action opens wa.me with the store's wording", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "/settings/whatsapp");
  await saveWording(page);
  try {
    const name = `Row Test ${Math.random().toString(36).slice(2, 8)}`;
    const placed = await placeOrder(page.request, { name, number: "+91 98450 12345" });
    const landline = `Landline Test ${Math.random().toString(36).slice(2, 8)}`;
    await placeOrder(page.request, { name: landline, number: "+91 44 2345 6789" });

    await page.goto("/orders");
    const row = page.locator("[data-order-id]", { hasText: name });
    await expect(row).toBeVisible({ timeout: 15_000 });
    await row.getByRole("button", { name: `WhatsApp ${name}` }).click();
    await expect(page.getByRole("menuitem", { name: "Order confirmed" }).first()).toBeVisible();
    await page.screenshot({ path: `${ROW_SHOTS}/feed-desktop-menu-open.png` });
    await page.keyboard.press("Escape");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(row).toBeVisible({ timeout: 15_000 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${ROW_SHOTS}/feed-phone-menu-closed.png` });

    // Keyboard: Enter on the row's button opens its menu (the messages once the order's number is in),
    // Escape closes it and gives focus back to the button.
    // The order's number is read as the menu opens: held here, the menu says it is loading.
    const action = row.getByRole("button", { name: `WhatsApp ${name}` });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const orderRead = /\/api\/orders\/[0-9a-f-]{36}$/;
    await page.route(orderRead, async (route) => {
      await held;
      await route.continue();
    });
    await action.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("menuitem", { name: `Loading ${name}’s number…` })).toBeVisible();
    await page.screenshot({ path: `${ROW_SHOTS}/feed-phone-menu-loading.png` });
    release();
    const confirmed = page.getByRole("menuitem", { name: "Order confirmed" }).first();
    await expect(confirmed).toBeVisible();
    await page.unroute(orderRead);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${ROW_SHOTS}/feed-phone-menu-open.png` });
    await expectAxeClean(page);
    await page.keyboard.press("Escape");
    await expect(confirmed).toBeHidden();
    await expect(action).toBeFocused();

    // wa.me is outside these machines: the popup's request is answered here, so the test sees the
    // real window the click opened (a popup blocker would refuse one opened after an await).
    await page
      .context()
      .route("https://wa.me/**", (route) => route.fulfill({ contentType: "text/html", body: "<title>wa.me</title>" }));
    await action.click();
    const popupOpened = page.context().waitForEvent("page");
    await confirmed.click();
    const popup = await popupOpened;
    await popup.waitForLoadState();
    const link = new URL(popup.url());
    expect(link.origin + link.pathname).toBe("https://wa.me/919845012345");
    const store = DEMO.storeName.replace(/[.()&]/g, "\\$&");
    expect(link.searchParams.get("text")).toMatch(
      new RegExp(`^Hi Row! Your .+ ×\\d+ \\(₹[\\d,]+(\\.\\d\\d)?\\) from ${store} is confirmed\\.$`),
    );
    await popup.close();
    // The item's click stayed in the menu: the row did not open its order.
    await expect(page).toHaveURL(/\/orders$/);

    // A number that is not an Indian mobile: the menu says why instead of offering messages.
    await page
      .locator("[data-order-id]", { hasText: landline })
      .getByRole("button", { name: `WhatsApp ${landline}` })
      .click();
    await expect(
      page.getByRole("menuitem", { name: /No WhatsApp: \+91 44234 56789 is not an Indian mobile number/ }),
    ).toBeVisible();
    await page.keyboard.press("Escape");

    await row.getByRole("link", { name: placed.order_id.slice(0, 8) }).click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("order-timeline")).toContainText("opened WhatsApp with “Order confirmed”");
  } finally {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto("/settings/whatsapp");
    await resetWording(page);
  }
});
