-- Finding the calls of background reads past the outbox's 14 days of history (lib/outbox/history.ts).
-- A refresh is a call every 10 minutes for each order on its first day and hourly for a week, so
-- these rows outnumber every other call many times over and were never deleted. Verifications,
-- status pushes, forwards and stock writes stay with their orders and products; only refreshes and
-- product reads get an entry here.
CREATE INDEX "OutboxAttempt_background_startedAt_idx" ON "OutboxAttempt" ("startedAt")
  WHERE kind IN ('refresh_order', 'read_product');
