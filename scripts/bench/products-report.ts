// The docs/benchmarks.md section for the products benchmarks (scripts/bench/products.ts).
import type { StockPaceResult } from "./products";
import type { ProductsListResult } from "./products-list";
import { table } from "./report";

const LIST_GOAL_MS = 100;
const PACE_GOAL = 0.95;
const EDITS_PER_WINDOW = 20;
const pass = (ok: boolean) => (ok ? "✅" : "❌");

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function productsMarkdown(list: ProductsListResult, pace: StockPaceResult, machine: string): string {
  const base = percentile(list.cases[0]!.ms, 95);
  // Fixed 60 s windows let 20 go at once: the last batch may start (batches − 1) windows after the first.
  const idealMs = (Math.ceil(pace.edits / EDITS_PER_WINDOW) - 1) * 60_000;
  const ratio = pace.firstToLastMs > 0 ? idealMs / pace.firstToLastMs : 0;
  const paceOk = ratio >= PACE_GOAL && pace.rateLimited === 0 && pace.correct === pace.edits;
  return [
    "## Products: `/products` at 10,000 products, and stock edits at TribeMade's 20 per minute",
    "",
    `Run ${new Date().toISOString()} on ${machine}.`,
    "",
    `### The list (${list.products.toLocaleString("en")} products, ${list.orders.toLocaleString("en")} orders over 60 days; ${list.rounds} rounds)`,
    "",
    table(
      ["query", "p50 ms", "p95 ms", "p95 ÷ baseline", `goal: p95 < ${LIST_GOAL_MS} ms`],
      list.cases.map((c, index) => {
        const p95 = percentile(c.ms, 95);
        return [
          c.label,
          percentile(c.ms, 50).toFixed(1),
          p95.toFixed(1),
          `${(p95 / base).toFixed(1)}×`,
          index === 0 ? "" : pass(p95 < LIST_GOAL_MS),
        ];
      }),
    ),
    "",
    "One store, 10,000 products and 100,000 orders (a tenth of the products take three quarters of them), vacuumed and " +
      "analysed; `listProducts` (`lib/products/queries.ts`) called in process, one query at a time, round-robin over the cases. " +
      "Sales come from the `ProductSalesDay` rollup ([products.md](products.md#sales)); before it, by sales measured p95 381 ms " +
      "on this machine (summing the orders of 30 days).",
    "",
    `### ${pace.edits} stock edits through the outbox`,
    "",
    table(
      ["", "figure", "goal"],
      [
        ["edits sent (PUT 200)", String(pace.sent), String(pace.edits)],
        ["429 answers", String(pace.rateLimited), `0 ${pass(pace.rateLimited === 0)}`],
        [
          "products at the stock asked for (read back from the simulator)",
          String(pace.correct),
          `${pace.edits} ${pass(pace.correct === pace.edits)}`,
        ],
        ["product reads (GET) made on the way", String(pace.reads), ""],
        ["first to last PUT", `${(pace.firstToLastMs / 1000).toFixed(1)} s`, ""],
        ["first edit requested to all done (incl. the 5 s undo window)", `${(pace.elapsedMs / 1000).toFixed(1)} s`, ""],
        [
          `pace ÷ the limit's pace (ideal: ${EDITS_PER_WINDOW} every 60 s, the last ${idealMs / 1000} s after the first)`,
          ratio.toFixed(3),
          `≥ ${PACE_GOAL} ${pass(paceOk)}`,
        ],
      ],
    ),
    "",
    "The simulator enforces TribeMade's real limits in its own process (60 s fixed windows; 20 edits, 50 product reads per key). " +
      'Each edit is a person\'s "set stock" (`requestStockSet`: ledger row, timeline event and `apply_stock` message due after the ' +
      "undo window) on its own product, so none coalesce into one PUT; the measuring process drains the way the long-running " +
      "listener does. Each `apply_stock` is claimed with a `product_edit` slot, then takes a `product_get` slot (its own 50/min budget) to read the product before its PUT; a slot spent on no call goes back. " +
      "`npm run bench -- --only=products` runs 100 edits (about 5 minutes); `--quick` runs 25 (about 1 minute) and 10 list rounds.",
  ].join("\n");
}
