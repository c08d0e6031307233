import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/demo-merchant";

// An owner removed from the team could have copied the webhook URLs and the fulfillment signing
// secret, and removal revokes neither: whoever removes them is asked to rotate both.

test("removing another owner prompts to rotate the webhook URLs and the signing secret", async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, "/settings/team");
  await page.getByLabel("Role", { exact: true }).selectOption("owner");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const inviteUrl = await page.getByTestId("invite-url").inputValue();

  // A second owner joins through the link, in another browser.
  const run = Date.now().toString(36);
  const other = await browser.newContext();
  const owner = await other.newPage();
  await owner.goto(inviteUrl);
  await owner.getByRole("link", { name: "Create an account" }).click();
  await owner.getByLabel("Your name").fill(`Kiran ${run}`);
  await owner.getByLabel("Email").fill(`kiran-${run}@example.in`);
  await owner.getByLabel("Password").fill("a long enough password");
  await owner.getByRole("button", { name: "Create account" }).click();
  await owner.waitForURL(/\/invite\/[^/?]+$/);
  await owner.getByRole("button", { name: /^Join / }).click();
  await owner.waitForURL(/\/orders/);
  await other.close();

  await page.reload();
  const row = page.locator("li", { hasText: `Kiran ${run}` });
  await row.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();

  const prompt = page.getByRole("dialog", { name: "Rotate the webhook URLs and the signing secret" });
  await expect(prompt).toContainText(`Kiran ${run} could copy this store's webhook URLs`);
  await expect(prompt.getByRole("link", { name: "Webhook endpoints" })).toHaveAttribute("href", "/webhooks/endpoints");
  await expect(prompt.getByRole("link", { name: "Signing secret" })).toHaveAttribute("href", "/settings");
  const results = await new AxeBuilder({ page }).include("[role=dialog]").analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  const shot = testInfo.outputPath("rotate-credentials-dialog.png");
  await page.screenshot({ path: shot });
  await testInfo.attach("rotate-credentials-dialog", { path: shot, contentType: "image/png" });
  await expect(page.getByText(`Kiran ${run}`, { exact: true })).toHaveCount(0);

  await prompt.getByRole("button", { name: "Later" }).click();
  await expect(prompt).toBeHidden();
});
