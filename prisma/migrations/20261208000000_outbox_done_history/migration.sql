-- Finding the done messages past the outbox's 14 days of history (lib/outbox/history.ts) without
-- reading the rest of the table. The prune used to look for them through the lanes index, whose
-- done entries are in (store, kind, priority, due) order, reading every done message's row for its
-- doneAt, and took 5,000 an hour: a refresh is a new message every 10 minutes for each order on its
-- first day, so a few busy stores finish more than that and the table grew without end.
-- Partial, like the pending-only indexes (20261207210000): a lease never writes here, an answer
-- writes one entry.
CREATE INDEX "OutboxMessage_done_at_idx" ON "OutboxMessage" ("doneAt") WHERE status = 'done';
