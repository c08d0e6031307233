// The stock ledger's arithmetic, pure (unit-tested in tests/unit/products-stock.test.ts): what a
// product's open ledger rows make of the stock TribeMade has, and what a read after an answer that
// never came says about the last send. Client-safe.

export type LedgerEntry = { id: string; change: "sale" | "restock" | "set"; quantity: number };

export type PlannedStep = { id: string; before: number; after: number; clamped: boolean };

export type StockPlan = { target: number; steps: PlannedStep[] };

/**
 * Applies the entries in order to `stock`: a sale lowers it by its quantity, a restock raises it, a
 * set replaces it. Stock never goes below 0: a sale that would is clamped at 0 (and says so).
 */
export function planStock(stock: number, entries: LedgerEntry[]): StockPlan {
  let current = Math.max(0, stock);
  const steps = entries.map((entry) => {
    const before = current;
    const wanted =
      entry.change === "sale" ? before - entry.quantity : entry.change === "restock" ? before + entry.quantity : entry.quantity;
    current = Math.max(0, wanted);
    return { id: entry.id, before, after: current, clamped: wanted < 0 };
  });
  return { target: current, steps };
}

/**
 * The last send's fate, from TribeMade's stock read now. It sent `sentTo` when the stock was
 * `sentFrom`: now at `sentTo` → it landed; still at `sentFrom` → it never did (send again); anything
 * else → the stock was changed elsewhere too and nobody can tell, so it is not sent again (a stock
 * change is never applied twice) and the timeline says so.
 */
export function settleSent(stockNow: number, sentFrom: number, sentTo: number): "landed" | "not_landed" | "unclear" {
  if (stockNow === sentTo) return "landed";
  if (stockNow === sentFrom) return "not_landed";
  return "unclear";
}

export type LowStockState = {
  stock: number | null;
  threshold: number;
  lowStockSince: Date | null;
  hideAtZero: boolean;
  isActive: boolean | null;
  hiddenAtZero: boolean;
};

export type LowStockChange = {
  /** "raise": crossed to at or below the threshold (one alert); "clear": restocked above it. */
  alert: "raise" | "clear" | null;
  /** The "hide at 0" rule: hide now, or show again the product it hid. */
  visibility: "hide" | "show" | null;
};

export function lowStockChange(state: LowStockState): LowStockChange {
  if (state.stock === null) return { alert: null, visibility: null };
  const low = state.stock <= state.threshold;
  const alert = low && !state.lowStockSince ? "raise" : !low && state.lowStockSince ? "clear" : null;
  let visibility: LowStockChange["visibility"] = null;
  if (state.hideAtZero && state.stock === 0 && state.isActive !== false && !state.hiddenAtZero) visibility = "hide";
  if (state.stock > 0 && state.hiddenAtZero) visibility = "show";
  return { alert, visibility };
}
