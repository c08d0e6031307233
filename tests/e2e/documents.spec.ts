import AxeBuilder from "@axe-core/playwright";
import { readFile } from "node:fs/promises";
import { expect, test, type Download, type Locator, type Page } from "@playwright/test";
import { readPdf } from "../fixtures/pdf-text";
import { placeOrder, signIn } from "./support/demo-merchant";

// Paperwork end to end in Chromium: a shipping label downloaded from an order page (and the
// order's timeline saying so), labels for a selection in the feed (one PDF, one page each, the
// printed mark on the rows), and Settings → Paperwork with its GSTIN check and axe.

const unique = () => Math.random().toString(36).slice(2, 8);

async function pdfPages(download: Download) {
  const path = await download.path();
  return readPdf(new Uint8Array(await readFile(path)));
}

async function printFromMenu(page: Page, scope: Page | Locator, item: string) {
  await scope.getByRole("button", { name: "Print" }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: item }).click();
  return downloading;
}

test("download a 4×6 label from an order page", async ({ page }) => {
  await signIn(page);
  const name = `Label Test ${unique()}`;
  const placed = await placeOrder(page.request, name);
  const row = page.locator("[data-order-id]", { hasText: name });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await row
    .getByRole("link", { name: placed.order_id.slice(0, 8) })
    .first()
    .click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);

  const download = await printFromMenu(page, page, "Shipping labels (4×6 in)");
  expect(download.suggestedFilename()).toMatch(/^labels-\d{4}-\d{2}-\d{2}\.pdf$/);
  const [label, ...rest] = await pdfPages(download);
  expect(rest).toHaveLength(0);
  expect([label!.width, label!.height]).toEqual([288, 432]);
  expect(label!.text).toContain(name);
  expect(label!.text).toContain("PREPAID");
  expect(label!.text).toContain(placed.order_id);
  // The order page hears of it through the live stream: the timeline names who printed what.
  await expect(page.getByTestId("order-timeline")).toContainText("printed the shipping label", { timeout: 15_000 });
});

test("labels for a selection in the feed: one PDF, a page per order, rows marked printed", async ({ page }) => {
  await signIn(page);
  const batch = `Bulk Label ${unique()}`;
  for (let index = 0; index < 3; index++) await placeOrder(page.request, `${batch} ${index}`);
  // They arrive live at the top of the open feed; tick each one.
  const rows = page.locator("[data-order-id]", { hasText: batch });
  for (let index = 0; index < 3; index++) {
    const row = page.locator("[data-order-id]", { hasText: `${batch} ${index}` });
    await expect(row).toBeVisible({ timeout: 20_000 });
    await row.getByRole("checkbox").check();
  }

  const bar = page.getByTestId("bulk-slot");
  await expect(bar).toContainText("3 selected");
  const download = await printFromMenu(page, bar, "Shipping labels (4×6 in)");
  const pages = await pdfPages(download);
  expect(pages).toHaveLength(3);
  for (let index = 0; index < 3; index++) expect(pages.map((label) => label.text).join(" ")).toContain(`${batch} ${index}`);
  await expect(rows.getByTestId("printed-mark")).toHaveCount(3, { timeout: 15_000 });
});

test("Settings → Paperwork checks the GSTIN, saves, and passes axe", async ({ page }) => {
  await signIn(page, "/settings/paperwork");
  const form = page.getByRole("form", { name: "Paperwork settings" });
  await form.getByLabel("Address", { exact: true }).fill("14, 2nd Cross, Indiranagar, Bengaluru");
  await form.getByLabel("PIN code").fill("560038");
  await form.getByLabel("GSTIN").fill("29AAACR5055K1ZX");
  await form.getByRole("button", { name: "Save paperwork" }).click();
  await expect(form).toContainText("check digit");

  await form.getByLabel("GSTIN").fill("27AAPFU0939F1ZV");
  await expect(form.getByLabel("State")).toHaveValue("27");
  await form.getByLabel("Registered address").fill("4 Hill Road, Bandra, Mumbai 400050");
  await form.getByRole("button", { name: "Save paperwork" }).click();
  await expect(form.getByText("Saved.")).toBeVisible();

  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(
    serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
  ).toEqual([]);
});
