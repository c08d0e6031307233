-- A status push waits while an earlier push of the same order is pending or running (lib/outbox/
-- claim.ts, PUSHES_IN_ORDER). That check read every pending push of the store for each push the
-- claim looked at: a store with 20,000 pushes due (a bulk change of that many orders, queued behind
-- TribeMade's 20 a minute) spent 1.7 s and 205,000 buffers a claim. Indexed by the order the push is
-- for, the check is one probe. Partial, so it holds only pushes still to send; schema.prisma cannot
-- describe it (tests/integration/outbox-claim-plans.test.ts proves it serves).
CREATE INDEX "OutboxMessage_push_order_idx" ON "OutboxMessage" ("storeId", (payload->>'orderId'))
  WHERE kind = 'push_status' AND status IN ('pending', 'leased');
