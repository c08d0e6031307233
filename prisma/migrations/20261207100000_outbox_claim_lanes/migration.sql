-- Claims per (store, kind, priority) lane (issue 27): a paused, keyless or budget-spent store's
-- backlog is never walked, and a store-scoped claim reads a batch per lane instead of sorting
-- every due row of the store.
CREATE INDEX "OutboxMessage_status_storeId_kind_priority_availableAt_idx" ON "OutboxMessage"("status", "storeId", "kind", "priority", "availableAt");
