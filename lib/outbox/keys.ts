// react-query keys of the outbox (client-safe). Store-scoped, so switching stores never shows
// another store's cached queue.
export const outboxKeys = {
  all: (storeId: string) => ["outbox", storeId] as const,
  overview: (storeId: string) => ["outbox", storeId, "overview"] as const,
  status: (storeId: string) => ["outbox", storeId, "status"] as const,
};
