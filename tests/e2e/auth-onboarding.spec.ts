// Sign up → onboard with a key the simulator accepts → the webhook URL → sign out → sign in →
// invite a staff member → staff signs up through the link and cannot open the key settings.
import { expect, test, type Page } from "@playwright/test";

const baseUrl = () => process.env.E2E_BASE_URL ?? "";
const simulatorUrl = () => process.env.E2E_SIMULATOR_URL ?? "";
const PASSWORD = "a long enough password";

/** A store in the TribeMade simulator; its key is one TribeMade "accepts". */
async function simulatedStore(name: string): Promise<{ id: string; apiKey: string }> {
  const response = await fetch(`${simulatorUrl()}/__control/stores`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { store: { id: string; apiKey: string } }).store;
}

async function signUp(page: Page, name: string, email: string) {
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

test("a merchant onboards, signs back in, and invites staff who cannot touch the API key", async ({ page, browser }) => {
  // Two accounts, onboarding, three sign-ins (argon2 each): longer than one page's budget on a busy machine.
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  const ownerEmail = `owner-${run}@example.in`;
  const storeName = `Masala Threads ${run}`;
  const simulated = await simulatedStore(storeName);

  // Sign up: empty fields are explained in place; then the account is created.
  await page.goto(`${baseUrl()}/signup`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await signUp(page, "Asha Rao", ownerEmail);
  await page.waitForURL(/\/onboarding$/);
  await expect(page.getByRole("heading", { name: "Welcome, Asha" })).toBeVisible();

  // Onboarding: a malformed key, a key TribeMade rejects, then the simulator's key.
  await page.getByLabel("Store name").fill(storeName);
  await page.getByLabel("TribeMade API key").fill("sk_live_123");
  await page.getByRole("button", { name: "Test key" }).click();
  await expect(page.getByText(/looks like tb-a1b2-c3d-e4f5/).last()).toBeVisible();
  await page.getByLabel("TribeMade API key").fill("tb-0000-000-0000");
  await page.getByRole("button", { name: "Test key" }).click();
  await expect(page.getByText("Key rejected")).toBeVisible();
  await page.getByLabel("TribeMade API key").fill(simulated.apiKey);
  await page.getByRole("button", { name: "Test key" }).click();
  await expect(page.getByText("Key works")).toBeVisible();
  await page.getByRole("button", { name: "Create store" }).click();

  // The webhook URL, shown once, with the steps for TribeMade → Developer.
  const webhookUrl = (await page.getByTestId("webhook-url").textContent())?.trim() ?? "";
  expect(webhookUrl).toMatch(new RegExp(`^${baseUrl()}/api/webhooks/tribemade/[A-Za-z0-9_-]{43}$`));
  await expect(page.getByRole("button", { name: "Copy URL" })).toBeVisible();
  await expect(page.getByText("Developer", { exact: true })).toBeVisible();
  // It works: TribeMade (the simulator) delivers an order to it.
  const delivered = await fetch(webhookUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      event: "order.created",
      order_id: crypto.randomUUID(),
      customer: { name: "Priya Nair", email: "priya@example.in", number: "9812345678", pincode: "560038" },
      order_details: { quantity: 1, amount: 799 },
    }),
  });
  expect(delivered.status).toBe(200);
  await page.getByRole("link", { name: "Go to orders" }).click();
  await page.waitForURL(/\/orders/);

  // The key never reaches the browser again: only its last four characters.
  await page.goto(`${baseUrl()}/settings/api-key`);
  await expect(page.getByTestId("api-key-masked")).toHaveText(`tb-…${simulated.apiKey.slice(-4)}`);
  expect(await page.content()).not.toContain(simulated.apiKey);

  // Sign out, then back in (a wrong password first).
  await page.getByRole("button", { name: /^Account/ }).click();
  await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await page.waitForURL(/\/login/);
  await page.goto(`${baseUrl()}/settings`);
  await page.waitForURL(/\/login\?callbackUrl=%2Fsettings/);
  await page.getByLabel("Email").fill(ownerEmail);
  await page.getByLabel("Password").fill("not my password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password don't match an account.", { exact: false })).toBeVisible();
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/settings$/);
  await expect(page.getByLabel("Store name")).toHaveValue(storeName);

  // Invite a staff member.
  await page.getByRole("link", { name: "Team" }).click();
  await page.getByRole("button", { name: "Create invite link" }).click();
  const inviteUrl = await page.getByTestId("invite-url").inputValue();
  expect(inviteUrl).toMatch(new RegExp(`^${baseUrl()}/invite/[A-Za-z0-9_-]{43}$`));

  // Staff, in another browser, signs up through the link and joins.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await staff.goto(inviteUrl);
  await expect(staff.getByRole("heading", { name: `Join ${storeName} on Tribedesk` })).toBeVisible();
  await staff.getByRole("link", { name: "Create an account" }).click();
  await expect(staff.getByText(`You're joining ${storeName} as staff.`, { exact: false })).toBeVisible();
  await signUp(staff, "Ravi Kumar", `staff-${run}@example.in`);
  await staff.waitForURL(/\/invite\/[^/?]+$/);
  await staff.getByRole("button", { name: `Join ${storeName}` }).click();
  await staff.waitForURL(/\/orders/);

  // Staff cannot open the key settings (nor the team); the store summary is read-only.
  await staff.goto(`${baseUrl()}/settings/api-key`);
  await expect(staff.getByRole("heading", { name: "Only owners can manage the TribeMade API key" })).toBeVisible();
  await expect(staff.getByRole("button", { name: "Replace key" })).toHaveCount(0);
  await expect(staff.getByRole("button", { name: "Test key" })).toHaveCount(0);
  await staff.goto(`${baseUrl()}/settings/team`);
  await expect(staff.getByRole("heading", { name: "Only owners can manage the team and invites" })).toBeVisible();
  await staff.goto(`${baseUrl()}/settings`);
  await expect(staff.getByText("You're staff at this store.", { exact: false })).toBeVisible();
  await expect(staff.getByRole("button", { name: "Save changes" })).toHaveCount(0);

  // The link was one-time.
  const late = await browser.newContext();
  const latePage = await late.newPage();
  await latePage.goto(inviteUrl);
  await expect(latePage.getByRole("heading", { name: "This invite was already used" })).toBeVisible();
  await late.close();
  await staffContext.close();

  // The owner sees the new member.
  await page.reload();
  await expect(page.getByText("Ravi Kumar")).toBeVisible();

  // CSRF: the owner's own "save store" request, replayed with the owner's cookies from another
  // origin, changes nothing; the same replay from this origin does (so the check is real).
  await page.goto(`${baseUrl()}/settings`);
  const [saved] = await Promise.all([
    page.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"])),
    page.getByRole("button", { name: "Save changes" }).click(),
  ]);
  await expect(page.getByText("Saved.")).toBeVisible();
  const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
  const replay = (origin: string) =>
    fetch(saved.url(), {
      method: "POST",
      headers: {
        "next-action": saved.headers()["next-action"] ?? "",
        "content-type": saved.headers()["content-type"] ?? "text/plain;charset=UTF-8",
        accept: "text/x-component",
        cookie,
        origin,
      },
      body: (saved.postData() ?? "").replace(storeName, "Hijacked store"),
    });
  const forged = await replay("https://evil.example");
  expect(forged.ok).toBe(false);
  await page.reload();
  await expect(page.getByLabel("Store name")).toHaveValue(storeName);
  expect((await replay(new URL(baseUrl()).origin)).ok).toBe(true);
  await page.reload();
  await expect(page.getByLabel("Store name")).toHaveValue("Hijacked store");
});
