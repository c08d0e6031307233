-- Fewer index entries per outbox write (issue 27). Every change of a message's status is a new row
-- version with an entry in each index whose condition it meets, and status sat in five of the seven:
-- a claim's lease wrote 100 rows × 7 entries, 3–6 ms of a ~6 ms claim, and each answer as many again.
--
-- Now only three indexes hold every message: the key, the dedupe key, and the lanes index
-- (status, storeId, kind, priority, availableAt), which also serves each status of one store (counts,
-- dead letters, open pushes of a kind) and the few leased messages of all stores. What only pending
-- messages need is partial on status = 'pending', so a lease or an answer writes nothing there:
--   - the listener's next due time per priority (was (status, priority, availableAt));
--   - "has this store work due" and the park / resume of a store's backlog (was (storeId, status, availableAt));
--   - the outbox page's oldest waiting message (was (storeId, status, createdAt)).
-- (storeId, kind, status) goes: its queries name the status, which the lanes index leads with.
-- schema.prisma cannot describe partial indexes; tests/integration/outbox-claim-plans.test.ts checks
-- which indexes a lease writes.
DROP INDEX "OutboxMessage_status_priority_availableAt_idx";
DROP INDEX "OutboxMessage_storeId_status_availableAt_idx";
DROP INDEX "OutboxMessage_storeId_status_createdAt_idx";
DROP INDEX "OutboxMessage_storeId_kind_status_idx";
CREATE INDEX "OutboxMessage_next_due_idx" ON "OutboxMessage" ("priority", "availableAt") WHERE status = 'pending';
CREATE INDEX "OutboxMessage_store_due_idx" ON "OutboxMessage" ("storeId", "availableAt") WHERE status = 'pending';
CREATE INDEX "OutboxMessage_store_waiting_idx" ON "OutboxMessage" ("storeId", "createdAt") WHERE status = 'pending';
