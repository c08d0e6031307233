// The stock-edit pace benchmark's measuring process (started by scripts/bench/products.ts with the
// environment set; it plays one app instance against the simulator at TribeMade's real limits):
// BENCH_EDITS products at the simulator, a person's "set stock" on each (lib/products/mutations.ts
// requestStockSet: ledger row, event and apply_stock message, due after the undo window), then the
// drain the way the listener runs it until every message is done. Each edit is its own product, so
// no two coalesce into one PUT. Prints one JSON line: the PUTs TribeMade saw, 429s, their spread,
// and whether every product ended at the stock asked for.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { requestStockSet } from "../../lib/products/mutations";
import { runDrain } from "../../lib/outbox/drain";
import { sealStoreApiKey } from "../../lib/stores/api-key";
import { createControlClient } from "../../lib/tribemade/simulator/control-client";
import { registerOutboxHandlers } from "../../lib/wiring/outbox-handlers";

registerOutboxHandlers();
const control = createControlClient(process.env.TRIBEMADE_API_BASE_URL!);
const edits = Number(process.env.BENCH_EDITS ?? 100);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL!, max: 2 });
const START_STOCK = 50;

async function seed() {
  const products = Array.from({ length: edits }, (_, index) => ({
    name: `Bench product ${index + 1}`,
    price: 499,
    description: "A product for the stock-edit pace benchmark.",
    stock: START_STOCK,
  }));
  const { store: sim } = await control.createStore({ name: "Bench stock", lowersStock: false, products });
  const storeId = randomUUID();
  const { apiKeyCiphertext, apiKeyKeyId } = sealStoreApiKey(storeId, sim.apiKey);
  await pool.query(
    `INSERT INTO "Store" (id, name, "tribemadeStoreId", "apiKeyCiphertext", "apiKeyKeyId", "apiKeyLast4", "stockKeeper")
     VALUES ($1, 'Bench stock', $2, $3, $4, $5, 'tribedesk')`,
    [storeId, sim.id, apiKeyCiphertext, apiKeyKeyId, sim.apiKey.slice(-4)],
  );
  const { products: simProducts } = await control.getStore(sim.id);
  const { rows } = await pool.query<{ id: string; tribemadeProductId: string }>(
    `INSERT INTO "Product" ("storeId", "tribemadeProductId", name, stock, "isActive", "lastReadAt")
     SELECT $1::uuid, p->>'id', p->>'name', $3, true, now() FROM jsonb_array_elements($2::jsonb) AS p
     RETURNING id::text, "tribemadeProductId"`,
    [storeId, JSON.stringify(simProducts), START_STOCK],
  );
  return { storeId, simStoreId: sim.id, products: rows };
}

async function openMessages(storeId: string): Promise<number> {
  const { rows } = await pool.query<{ open: number }>(
    `SELECT count(*)::int AS open FROM "OutboxMessage" WHERE "storeId" = $1::uuid AND status IN ('pending', 'leased')`,
    [storeId],
  );
  return rows[0]!.open;
}

async function main() {
  await control.health();
  const { storeId, simStoreId, products } = await seed();
  const member = { user: { id: randomUUID(), name: "Bench", email: "bench@example.in" }, store: { id: storeId, name: "" } };
  const since = (await control.requests()).requests.at(-1)?.seq ?? 0;
  const started = performance.now();
  // A different target per product: the simulator's final stock proves each PUT carried its own.
  const target = (index: number) => START_STOCK - 1 - (index % 40);
  for (const [index, product] of products.entries()) {
    await requestStockSet({ ...member, role: "owner" }, product.id, target(index), START_STOCK);
  }
  // The listener's rhythm: drain, then again a moment later while anything is open.
  while ((await openMessages(storeId)) > 0) {
    await runDrain({ trigger: "external", storeId, housekeeping: false });
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const elapsedMs = performance.now() - started;
  const puts = (await control.requests({ storeId: simStoreId, since })).requests.filter(
    (request) => request.method === "PUT" && request.path.endsWith("/edit"),
  );
  const times = puts.map((request) => Date.parse(request.at)).sort((a, b) => a - b);
  const { products: final } = await control.getStore(simStoreId);
  const stockById = new Map(final.map((product) => [product.id, product.stock]));
  const result = {
    edits,
    elapsedMs,
    firstToLastMs: (times.at(-1) ?? 0) - (times[0] ?? 0),
    sent: puts.filter((request) => request.status === 200).length,
    rateLimited: puts.filter((request) => request.status === 429).length,
    reads: (await control.requests({ storeId: simStoreId, since })).requests.filter((request) => request.method === "GET").length,
    correct: products.filter((product, index) => stockById.get(product.tribemadeProductId) === target(index)).length,
  };
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
