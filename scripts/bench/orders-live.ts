// "Webhook → visible in an open browser" (issue 9): a signed-in merchant has /orders open in
// Chromium; the bench POSTs order.created webhooks one at a time and measures from the moment the
// webhook's 2xx ack arrives to the moment the order's row is in the page's DOM (a MutationObserver
// in the page stamps it; browser and bench share the machine's clock). The same run with the
// event stream blocked shows the polling design: the page then re-reads its list every 2 s.
import { randomUUID } from "node:crypto";
import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_ARGS, findBrowser } from "../../tests/support/browser";
import { signIn, type BenchMerchant } from "./orders-stores";

export type LiveMode = "stream" | "poll";
export type LiveResult = { mode: LiveMode; samples: number[]; p50: number; p95: number; max: number; missed: number };

/** An order.created webhook body for the merchant's store (a fresh order id). */
export function orderCreatedFor(merchant: Pick<BenchMerchant, "tribemadeStoreId">) {
  return {
    event: "order.created",
    order_id: randomUUID(),
    store_id: merchant.tribemadeStoreId,
    product_id: "660e8400-e29b-41d4-a716-446655440123",
    customer: {
      name: "Rahul Sharma",
      email: "rahul.sharma@example.com",
      number: "9876543210",
      full_address: "123, MG Road, Apartment 4B, Mumbai, Maharashtra, India",
      pincode: "400001",
    },
    order_details: { quantity: 2, amount: 2048.0, custom_questions: [] },
    status: "started",
    created_at: new Date().toISOString().replace("Z", ""),
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

export async function runLiveBench(options: {
  baseUrl: string;
  merchant: BenchMerchant;
  orders: number;
  mode: LiveMode;
  log: (line: string) => void;
}): Promise<LiveResult> {
  const { baseUrl, merchant, mode, log } = options;
  const cookie = await signIn(baseUrl, merchant);
  const [name, value] = cookie.split("=", 2) as [string, string];
  const browser: Browser = await chromium.launch({
    executablePath: (await findBrowser(process.env))?.executablePath,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    await context.addCookies([{ name, value, url: baseUrl }]);
    // The polling design: no stream, so the page falls back to re-reading its newest page.
    if (mode === "poll") await context.route("**/api/orders/stream", (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${baseUrl}/orders`);
    await page.getByRole("heading", { level: 1, name: "Orders" }).waitFor();
    await page.getByText(mode === "stream" ? "Live" : /Reconnecting|Polling/, { exact: true }).waitFor({ timeout: 30_000 });
    // A string, not a function: the bench's TypeScript transform would add helpers the page lacks.
    await page.evaluate(`(() => {
      const seen = {};
      window.__seen = seen;
      const stamp = () => {
        const now = Date.now();
        for (const row of document.querySelectorAll("[data-order-id]")) {
          const id = row.querySelector("a")?.textContent?.trim();
          if (id && !(id in seen)) seen[id] = now;
        }
      };
      stamp();
      new MutationObserver(stamp).observe(document.body, { childList: true, subtree: true });
    })()`);

    const samples: number[] = [];
    let missed = 0;
    for (let index = 0; index < options.orders; index++) {
      const body = orderCreatedFor(options.merchant);
      const response = await fetch(`${baseUrl}/api/webhooks/tribemade/${merchant.webhookToken}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const acked = Date.now();
      if (!response.ok) throw new Error(`webhook answered ${response.status}`);
      const short = body.order_id.slice(0, 8);
      try {
        const handle = await page.waitForFunction(
          (id) => (window as unknown as { __seen: Record<string, number> }).__seen[id],
          short,
          {
            timeout: 10_000,
            polling: 20,
          },
        );
        const seenAt = (await handle.jsonValue()) as number;
        samples.push(Math.max(0, seenAt - acked));
      } catch {
        missed++;
      }
      // Orders a few hundred ms apart, like a busy shop's, never in lockstep with a poll.
      await new Promise((resolve) => setTimeout(resolve, 250 + Math.random() * 500));
    }
    const sorted = [...samples].sort((a, b) => a - b);
    log(
      `live (${mode}): p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, missed ${missed}`,
    );
    return { mode, samples, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? NaN, missed };
  } finally {
    await browser.close();
  }
}
