import { expect, test } from "@playwright/test";

const baseUrl = () => process.env.E2E_BASE_URL ?? "";

test("the landing page says what Tribedesk is and links to sign in", async ({ page }) => {
  await page.goto(baseUrl());
  await expect(page).toHaveTitle(/Tribedesk/);
  await expect(page.getByRole("link", { name: /sign in/i }).first()).toBeVisible();
});

test("health reports the database up", async ({ request }) => {
  const response = await request.get(`${baseUrl()}/api/health`);
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true, db: "up" });
});
