import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO } from "../../lib/embedded/demo";
import { signIn, simulatorUrl } from "./support/demo-merchant";

// Products end to end (the demo store: TribeMade keeps stock, as the simulator's store lowers it
// on every paid order): a simulator order lowers the product's stock at the simulator and on
// /products; editing the stock on the product page reaches the simulator after the undo window.
// axe finds nothing serious on either page, at desktop and phone width.

type SimProduct = { id: string; name: string; stock: number };

async function simProducts(request: APIRequestContext): Promise<SimProduct[]> {
  const response = await request.get(`${simulatorUrl()}/__control/stores/${DEMO.tribemadeStoreId}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { products: SimProduct[] }).products;
}

async function simStock(request: APIRequestContext, id: string): Promise<number> {
  return (await simProducts(request)).find((product) => product.id === id)!.stock;
}

async function expectNoSeriousAxe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
}

test("a simulator order lowers a product's stock at TribeMade and on /products, and a stock edit reaches TribeMade", async ({
  page,
  request,
}, testInfo) => {
  const product = (await simProducts(request)).find((p) => p.stock > 5)!;
  const placed = await request.post(`${simulatorUrl()}/__control/stores/${DEMO.tribemadeStoreId}/orders`, {
    data: { overrides: { product_id: product.id, order_details: { quantity: 2 } } },
  });
  expect(placed.status()).toBe(201);
  expect(await simStock(request, product.id)).toBe(product.stock - 2);

  await signIn(page, "/products");
  await expect(page.getByRole("heading", { level: 1, name: "Products" })).toBeVisible();
  // The order's verification learns the product and reads it: it appears without anyone asking.
  await expect(async () => {
    await page.goto(`/products?q=${encodeURIComponent(product.name)}`);
    await expect(page.getByRole("link", { name: product.name })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expectNoSeriousAxe(page);

  await page.getByRole("link", { name: product.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: product.name })).toBeVisible();
  // TribeMade's stock, read now (earlier orders of this product may have been read in the same slot).
  await page.getByRole("button", { name: "Read now" }).click();
  const expected = await simStock(request, product.id);
  await expect(async () => {
    await page.reload();
    await expect(page.getByLabel("Stock", { exact: true })).toHaveValue(String(expected), { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expectNoSeriousAxe(page);

  await page.getByLabel("Stock", { exact: true }).fill("42");
  await page.getByRole("button", { name: "Set stock" }).click();
  await expect(page.getByText(/Stock: at TribeMade in about \d+ s/)).toBeVisible();
  // Nothing leaves during the undo window; then the drain sends it.
  expect(await simStock(request, product.id)).toBe(expected);
  await expect.poll(() => simStock(request, product.id), { timeout: 30_000 }).toBe(42);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("product-timeline")).toContainText(`Stock ${expected} → 42`, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await testInfo.attach("product-desktop", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: product.name })).toBeVisible();
  await expectNoSeriousAxe(page);
  await testInfo.attach("product-phone", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  await page.goto("/products");
  await expectNoSeriousAxe(page);
  await testInfo.attach("products-phone", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});
