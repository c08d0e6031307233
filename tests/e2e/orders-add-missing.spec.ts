import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO } from "../../lib/embedded/demo";
import { signIn, simulatorUrl } from "./support/demo-merchant";

// "Add missing orders" end to end (issue 20): orders TribeMade has but whose webhook never reached the
// desk are pasted by id, read from the simulator through the outbox, and appear marked as added by the
// member; an id the store's key does not know says so; an id the desk has links to it.

test("pasted ids become orders read from TribeMade; unknown and known ids say so", async ({ page }) => {
  test.setTimeout(90_000);
  const missing: string[] = [];
  for (let i = 0; i < 2; i++) {
    const placed = await page.request.post(`${simulatorUrl()}/__control/stores/${DEMO.tribemadeStoreId}/orders`, {
      data: { sendWebhook: false, overrides: { customer: { name: `Missing Order ${i} ${randomUUID().slice(0, 6)}` } } },
    });
    expect(placed.status()).toBe(201);
    missing.push(((await placed.json()) as { order: { id: string } }).order.id);
  }
  const unknown = randomUUID();

  await signIn(page);
  // The refused-deliveries banner links here: the dialog opens on arrival.
  await page.goto("/orders?add=missing");
  const dialog = page.getByRole("dialog", { name: "Add missing orders" });
  await expect(dialog.getByLabel("Order ids")).toBeFocused();
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(axe.violations).toEqual([]);

  await dialog.getByLabel("Order ids").fill(`not an id`);
  await dialog.getByRole("button", { name: "Add orders" }).click();
  await expect(dialog).toContainText("Not a TribeMade order id");

  await dialog.getByLabel("Order ids").fill([...missing, unknown].join("\n"));
  await dialog.getByRole("button", { name: "Add orders" }).click();
  const results = dialog.getByTestId("missing-results");
  const row = (id: string) => results.locator("li", { hasText: id });
  for (const id of missing) await expect(row(id)).toContainText("Added", { timeout: 30_000 });
  await expect(row(unknown)).toContainText("TribeMade does not know this order for this store's API key.");

  await row(missing[0] as string)
    .getByRole("link", { name: "Open order" })
    .click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("order-timeline")).toContainText(`Added by ${DEMO.name}`);

  // Added again: already here, with its link.
  await page.goto("/orders?add=missing");
  await dialog.getByLabel("Order ids").fill(missing[0] as string);
  await dialog.getByRole("button", { name: "Add orders" }).click();
  await expect(row(missing[0] as string)).toContainText("Already here");
  await expect(row(missing[0] as string).getByRole("link", { name: "Open order" })).toBeVisible();
});
