// Every page loads under the Content-Security-Policy with zero violations and zero console errors:
// Next.js's scripts and the theme script carry the request's nonce, nothing else runs.
import { expect, test, type Page } from "@playwright/test";
import { appPages, concretePath } from "./support/app-pages";
import { appOrder, placeOrder, signIn, WEBHOOK_ACK_DEADLINE_MS } from "./support/demo-merchant";

/**
 * Ids for the dynamic segments: the order this test places, and its own delivery. placeOrder returns
 * once the app acknowledged the webhook, so both exist; they are looked up by the order's id, not
 * taken as whatever came last within some seconds.
 */
async function params(page: Page): Promise<Record<string, string>> {
  const placed = await placeOrder(page.request);
  const order = await appOrder(page.request, placed.order_id);
  let deliveryId: string | undefined;
  await expect(async () => {
    const response = await page.request.get(`/api/deliveries?q=${encodeURIComponent(placed.order_id)}`);
    const { items } = (await response.json()) as { items: Array<{ id: string; orderId: string | null }> };
    deliveryId = items.find((item) => item.orderId === order.id)?.id;
    expect(deliveryId, `the delivery of order ${placed.order_id}`).toBeDefined();
  }).toPass({ timeout: WEBHOOK_ACK_DEADLINE_MS });
  // Products are learnt from verified orders; the list links each one's page. Both waits are budgets
  // for the outbox's verification and product read (at load 20 they took over 30 s).
  let productPath: string | null = null;
  await expect(async () => {
    await page.goto("/products");
    productPath = await page.getByTestId("product-row").first().getByRole("link").getAttribute("href", { timeout: 1_000 });
    expect(productPath).toMatch(/^\/products\/[0-9a-f-]{36}$/);
  }).toPass({ timeout: 60_000 });
  // Customers join their orders after verification; the list links each one's page.
  let customerPath: string | null = null;
  await expect(async () => {
    await page.goto("/customers");
    customerPath = await page.locator('main a[href^="/customers/"]').first().getAttribute("href", { timeout: 1_000 });
    expect(customerPath).toMatch(/^\/customers\/[0-9a-f-]{36}$/);
  }).toPass({ timeout: 60_000 });
  return {
    "/products/[id]:id": productPath!.split("/").at(-1)!,
    "/customers/[id]:id": customerPath!.split("/").at(-1)!,
    "/webhooks/deliveries/[id]:id": deliveryId!,
    "/orders/[id]:id": order.id,
    "/invite/[token]:token": "no-such-invite-token-0123456789",
  };
}

type Finding = { kind: string; text: string };

/** Records CSP violations (the DOM event), console errors and uncaught exceptions of a page. */
async function watch(page: Page): Promise<Finding[]> {
  const findings: Finding[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sample})`);
    });
  });
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // The not-found page's own document answers 404 on purpose; Chromium logs that as an error. A
    // link's prefetch (?_rsc=) that 404s is a missing page, not a policy matter.
    const failedLoad = message.text().startsWith("Failed to load resource");
    const url = message.location().url;
    if (failedLoad && (url === page.url() || /[?&]_rsc=/.test(url))) return;
    findings.push({ kind: "console", text: `${message.text()} (${message.location().url})` });
  });
  page.on("pageerror", (error) => findings.push({ kind: "pageerror", text: error.message }));
  return findings;
}

async function visit(page: Page, url: string, findings: Finding[], expectedStatus = 200) {
  findings.length = 0;
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(expectedStatus);
  const csp = (await response?.allHeaders())?.["content-security-policy"] ?? "";
  expect(csp, `${url} has no nonce policy`).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic'/);
  await page.waitForLoadState("load");
  // Hydration and lazily loaded chunks happen after load; give them a moment to run (or be blocked).
  await page.waitForTimeout(750);
  expect(findings, `${url}:\n${findings.map((finding) => `${finding.kind}: ${finding.text}`).join("\n")}`).toEqual([]);
}

test("every page loads with zero CSP violations and zero console errors", async ({ page }) => {
  test.setTimeout(240_000);
  await page.emulateMedia({ colorScheme: "dark" });
  const findings = await watch(page);
  const pages = appPages();

  for (const { pattern } of pages.filter((entry) => !entry.dashboard)) {
    await visit(page, concretePath(pattern, { "/invite/[token]:token": "no-such-invite-token-0123456789" }), findings);
  }
  await visit(page, "/signup?callbackUrl=%2Finvite%2F%25E0", findings);
  await visit(page, "/no-such-page", findings, 404);

  await signIn(page);
  const values = await params(page);
  for (const { pattern } of pages.filter((entry) => entry.dashboard)) {
    await visit(page, concretePath(pattern, values), findings);
    // The inline theme script ran (the page is dark before React could have done it).
    expect(await page.evaluate(() => document.documentElement.classList.contains("dark")), pattern).toBe(true);
  }
});

test("the theme script carries the nonce of its own response, and a fresh one per request", async ({ request }) => {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const response = await request.get("/login");
    const csp = response.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
    const html = await response.text();
    expect(html).toContain(`<script nonce="${nonce}">(function(){try{var m=localStorage`);
    // No script without the nonce: every <script> tag in the document carries it.
    const tags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(1);
    for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
    nonces.push(nonce);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

test("the policy forbids framing, base tags, plugins and foreign form targets", async ({ request }) => {
  const csp = (await request.get("/login")).headers()["content-security-policy"] ?? "";
  for (const directive of ["frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'", "object-src 'none'"]) {
    expect(csp).toContain(directive);
  }
});
