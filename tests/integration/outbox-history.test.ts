// The outbox's history: done messages, drain runs and the calls of background reads older than 14
// days go, in batches until none is left (a busy store finishes far more than one batch a day), each
// found through its own index; dead letters, open work, the calls that tell an order's story and the
// last 14 days stay.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { HISTORY_DAYS, PRUNE_BATCH, PRUNE_BATCH_SQL, pruneHistory } from "@/lib/outbox/history";
import { createStore } from "@/tests/fixtures/factories";
import { planNodes, type PlanNode } from "@/tests/fixtures/delivery-page-plan";

/** `count` messages of one store in `status`, finished `daysAgo` days ago (null: not finished). */
async function insertMessages(storeId: string, count: number, status: string, daysAgo: number | null) {
  await db.$executeRawUnsafe(
    `INSERT INTO "OutboxMessage" ("storeId", kind, payload, status, "createdAt", "doneAt")
     SELECT $1::uuid, 'refresh_order', jsonb_build_object('n', g), $2::"OutboxStatus",
       now() - make_interval(days => coalesce($3::int, 0) + 1), now() - make_interval(days => $3::int)
     FROM generate_series(1, $4::int) g`,
    storeId,
    status,
    daysAgo,
    count,
  );
}

/** `count` calls of `kind` for one store, made `daysAgo` days ago. */
async function insertAttempts(storeId: string, count: number, kind: string, daysAgo: number) {
  await db.$executeRawUnsafe(
    `INSERT INTO "OutboxAttempt" ("messageId", "storeId", kind, "startedAt", method, path, "httpStatus", "latencyMs", outcome)
     SELECT g, $1::uuid, $2::"OutboxKind", now() - make_interval(days => $3::int), 'GET', '/api/orders/x', 200, 40, 'success'
     FROM generate_series(1, $4::int) g`,
    storeId,
    kind,
    daysAgo,
    count,
  );
}

const attemptsBy = async (storeId: string) =>
  (
    await db.$queryRaw<{ kind: string; old: boolean; n: number }[]>`
      SELECT kind::text AS kind, "startedAt" < now() - make_interval(days => ${HISTORY_DAYS}) AS old, count(*)::int AS n
      FROM "OutboxAttempt" WHERE "storeId" = ${storeId}::uuid GROUP BY 1, 2 ORDER BY 1, 2`
  ).map(({ kind, old, n }) => `${kind} ${old ? "old" : "recent"}: ${n}`);

const countBy = async (storeId: string) =>
  (
    await db.$queryRaw<{ status: string; old: boolean; n: number }[]>`
      SELECT status::text AS status, "doneAt" < now() - make_interval(days => ${HISTORY_DAYS}) AS old, count(*)::int AS n
      FROM "OutboxMessage" WHERE "storeId" = ${storeId}::uuid GROUP BY 1, 2 ORDER BY 1, 2`
  ).map(({ status, old, n }) => `${status}${old === null ? "" : old ? " old" : " recent"}: ${n}`);

describe("pruneHistory", () => {
  it("deletes every done message past 14 days in batches, and old drain runs; keeps dead, open and recent work", async () => {
    const store = await createStore();
    const old = PRUNE_BATCH * 2 + 1_234; // three batches
    await insertMessages(store.id, old, "done", HISTORY_DAYS + 1);
    await insertMessages(store.id, 40, "done", HISTORY_DAYS - 1);
    await insertMessages(store.id, 7, "dead", HISTORY_DAYS + 5);
    await insertMessages(store.id, 9, "pending", null);
    await db.drainRun.createMany({
      data: [
        { trigger: "cron", startedAt: new Date(Date.now() - (HISTORY_DAYS + 1) * 86_400_000) },
        { trigger: "cron", startedAt: new Date(Date.now() - 86_400_000) },
      ],
    });

    await insertAttempts(store.id, PRUNE_BATCH + 500, "refresh_order", HISTORY_DAYS + 1);
    await insertAttempts(store.id, 30, "read_product", HISTORY_DAYS + 3);
    await insertAttempts(store.id, 20, "refresh_order", HISTORY_DAYS - 1);
    await insertAttempts(store.id, 25, "verify_order", HISTORY_DAYS + 30);
    await insertAttempts(store.id, 12, "push_status", HISTORY_DAYS + 30);

    expect(await pruneHistory(performance.now() + 60_000)).toEqual({ pruned: old + PRUNE_BATCH + 530, finished: true });
    expect(await countBy(store.id)).toEqual(["dead old: 7", "done recent: 40", "pending: 9"]);
    // An order's story keeps its verification and its pushes, however old.
    expect(await attemptsBy(store.id)).toEqual(["push_status old: 12", "refresh_order recent: 20", "verify_order old: 25"]);
    const runs = await db.drainRun.findMany({ select: { startedAt: true } });
    expect(runs.map((run) => run.startedAt.getTime() > Date.now() - 2 * 86_400_000)).toEqual([true]);
  });

  it("stops after a batch once the deadline has passed and says it is not finished", async () => {
    const store = await createStore();
    await insertMessages(store.id, PRUNE_BATCH + 10, "done", HISTORY_DAYS + 2);
    expect(await pruneHistory(performance.now() - 1)).toEqual({ pruned: PRUNE_BATCH, finished: false });
    expect(await pruneHistory(performance.now() + 60_000)).toEqual({ pruned: 10, finished: true });
  });

  it("finds old done messages and old background calls through their own indexes, not by reading the tables", async () => {
    const store = await createStore();
    await insertMessages(store.id, 30_000, "done", 1);
    await insertMessages(store.id, 20_000, "pending", null);
    await insertMessages(store.id, 100, "done", HISTORY_DAYS + 1);
    await insertAttempts(store.id, 30_000, "refresh_order", 1);
    await insertAttempts(store.id, 20_000, "verify_order", HISTORY_DAYS + 30);
    await insertAttempts(store.id, 100, "refresh_order", HISTORY_DAYS + 1);
    await db.$executeRawUnsafe(`ANALYZE "OutboxMessage", "OutboxAttempt"`);
    type Rows = Array<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>;
    for (const [table, sql, index] of [
      ["OutboxMessage", PRUNE_BATCH_SQL.messages, "OutboxMessage_done_at_idx"],
      ["OutboxAttempt", PRUNE_BATCH_SQL.attempts, "OutboxAttempt_background_startedAt_idx"],
    ] as const) {
      const rows = await db.$queryRawUnsafe<Rows>(`EXPLAIN (FORMAT JSON) ${sql}`, HISTORY_DAYS, PRUNE_BATCH);
      const nodes = planNodes(rows[0]!["QUERY PLAN"][0]!.Plan);
      expect(nodes.filter((node) => node["Relation Name"] === table && node["Node Type"] === "Seq Scan")).toEqual([]);
      expect(nodes.map((node) => node["Index Name"])).toContain(index);
    }
  });
});
