/**
 * A person's product edit waits this long before it may be sent; until then it can be undone and
 * nothing leaves. The same window as a status change's (lib/orders/undo-window.ts, a layer above,
 * so not imported). Client-safe: the toast counts it down.
 */
export const PRODUCT_UNDO_WINDOW_MS = 5_000;
