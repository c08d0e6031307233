/**
 * TribeMade emails the customer on every status change, so a push waits this long before it may
 * be sent; until then the person who clicked can undo it (the toast's Undo) and nothing leaves.
 * Client-safe: the toast counts it down.
 */
export const UNDO_WINDOW_MS = 5_000;
