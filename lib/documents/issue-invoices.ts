import "server-only";
import type { PoolClient } from "pg";
import type { Member } from "@/lib/auth/require-member";
import { db, pgPool } from "@/lib/db";
import { financialYearOf, invoiceNumber } from "@/lib/documents/financial-year";
import { stateByCode, type IndiaState } from "@/lib/documents/india-states";
import { buildInvoiceSnapshot } from "@/lib/documents/invoice-snapshot";
import type { InvoiceSnapshot, OrderPaper } from "@/lib/documents/paper-types";
import { runInQueue } from "@/lib/documents/per-key-queue";
import { getDocumentSettings, getProductTaxes } from "@/lib/documents/queries";
import type { DocumentSettingsDto, StateNeeded } from "@/lib/documents/schemas";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";

// Invoice numbers: consecutive per store and financial year, unique, assigned once per order and
// the same on every re-print, with no gaps or duplicates however many people print at once. A
// sequence cannot promise that (a rolled-back nextval is a gap), so the store's counter row for
// the year is taken FOR UPDATE: whoever holds it reads the last number, writes the invoices and the
// new last number, and commits; a failure rolls all of it back. Printing an order that already has
// an invoice reads it back, including when another printer issued it while this one waited for
// the lock (the re-check happens under the lock).
//
// The transaction is plain pg, not a Prisma interactive transaction: the lock is held for six
// round trips of ~0.2 ms, not for Prisma's per-call work (docs/architecture.md, platform facts).

type Issued = Map<string, InvoiceSnapshot>;
type Row = { orderId: string; snapshot: Prisma.JsonValue };

export type Batch = {
  member: Member;
  settings: DocumentSettingsDto;
  orders: OrderPaper[];
  states: Record<string, string>;
  taxes: Map<string, { hsn: string | null; gstRate: string | null }>;
  now: Date;
};

function needsState(orders: OrderPaper[], states: Record<string, string>): StateNeeded[] {
  return orders
    .filter((order) => !states[order.id] && !order.customer.address.state)
    .map((order) => ({
      orderId: order.id,
      tribemadeOrderId: order.tribemadeOrderId,
      customerName: order.customer.name,
      pincode: order.customer.address.pincode,
    }));
}

function remember(issued: Issued, rows: Row[]) {
  for (const row of rows) issued.set(row.orderId, row.snapshot as unknown as InvoiceSnapshot);
}

/** The invoice of each order (issuing the missing ones, in the given order), by Order.id. */
export async function issueInvoices(
  member: Member,
  orders: OrderPaper[],
  states: Record<string, string>,
  now = new Date(),
): Promise<Issued> {
  const storeId = member.store.id;
  const issued: Issued = new Map();
  const ids = orders.map((order) => order.id);
  remember(
    issued,
    await db.invoice.findMany({ where: { storeId, orderId: { in: ids } }, select: { orderId: true, snapshot: true } }),
  );
  const missing = orders.filter((order) => !issued.has(order.id));
  if (missing.length === 0) return issued;

  const settings = await getDocumentSettings(member);
  if (!(settings.registeredAddress || settings.senderAddress)) {
    throw new AppError("validation_failed", "Add your business address in Settings → Paperwork before printing invoices.", {
      reason: "settings_incomplete",
    });
  }
  const unknown = needsState(missing, states);
  if (unknown.length > 0) {
    throw new AppError("validation_failed", "Choose the customer's state for these orders: their address does not say.", {
      reason: "state_needed",
      orders: unknown,
    });
  }
  const taxes = await getProductTaxes(
    member,
    missing.flatMap((order) => (order.productId ? [order.productId] : [])),
  );
  const batch: Batch = { member, settings, orders: missing, states, taxes, now };
  // The counter row admits one transaction at a time anyway: this process's other printers of the
  // store wait in memory rather than each holding a pool connection to wait on the same lock.
  await runInQueue(`invoices:${storeId}`, async () => {
    const client = await pgPool.connect();
    try {
      await client.query("BEGIN");
      await numberInvoices(client, batch, issued);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  });
  return issued;
}

/**
 * Numbers `batch.orders` inside the caller's open transaction on `client`. Exported for the
 * concurrency test, which runs 100 of these on 100 connections at once against the row lock alone.
 */
export async function numberInvoices(client: PoolClient, batch: Batch, issued: Issued): Promise<void> {
  const { member, settings, orders, states, taxes, now } = batch;
  const storeId = member.store.id;
  const financialYear = financialYearOf(now);
  const seller = settings.stateCode ? (stateByCode(settings.stateCode) ?? null) : null;
  await client.query(`INSERT INTO "InvoiceCounter" ("storeId", "financialYear") VALUES ($1::uuid, $2) ON CONFLICT DO NOTHING`, [
    storeId,
    financialYear,
  ]);
  const counter = await client.query<{ lastSequence: number }>(
    `SELECT "lastSequence" FROM "InvoiceCounter" WHERE "storeId" = $1::uuid AND "financialYear" = $2 FOR UPDATE`,
    [storeId, financialYear],
  );
  // Under the lock: another printer may have issued some of these while this one waited.
  const raced = await client.query<Row>(
    `SELECT "orderId", snapshot FROM "Invoice" WHERE "storeId" = $1::uuid AND "orderId" = ANY($2::uuid[])`,
    [storeId, orders.map((order) => order.id)],
  );
  remember(issued, raced.rows);

  let sequence = counter.rows[0]?.lastSequence ?? 0;
  const rows: Array<{ orderId: string; sequence: number; number: string; kind: string; snapshot: string }> = [];
  for (const order of orders) {
    if (issued.has(order.id)) continue;
    sequence++;
    const number = invoiceNumber(settings.invoicePrefix, financialYear, sequence);
    if (!number) {
      throw new AppError(
        "conflict",
        "This year's invoice numbers no longer fit in 16 characters: shorten the invoice prefix in Settings → Paperwork.",
      );
    }
    const product = order.productId ? taxes.get(order.productId) : undefined;
    const chosen = states[order.id];
    const snapshot = buildInvoiceSnapshot({
      order,
      settings,
      storeName: member.store.name,
      // issueInvoices checked that every order has one or the other.
      placeOfSupply: (chosen ? stateByCode(chosen) : order.customer.address.state) as IndiaState,
      seller,
      tax: { hsn: product?.hsn || settings.defaultHsn || null, rate: product?.gstRate ?? settings.defaultGstRate },
      number,
      issuedAt: now,
    });
    issued.set(order.id, snapshot);
    rows.push({ orderId: order.id, sequence, number, kind: snapshot.kind, snapshot: JSON.stringify(snapshot) });
  }
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO "Invoice" ("storeId", "orderId", "financialYear", sequence, number, kind, "issuedAt", snapshot)
     SELECT $1::uuid, o, $2, s, n, k, $3, j::jsonb
     FROM unnest($4::uuid[], $5::int[], $6::text[], $7::text[], $8::text[]) AS t(o, s, n, k, j)`,
    [
      storeId,
      financialYear,
      now,
      rows.map((row) => row.orderId),
      rows.map((row) => row.sequence),
      rows.map((row) => row.number),
      rows.map((row) => row.kind),
      rows.map((row) => row.snapshot),
    ],
  );
  await client.query(`UPDATE "InvoiceCounter" SET "lastSequence" = $3 WHERE "storeId" = $1::uuid AND "financialYear" = $2`, [
    storeId,
    financialYear,
    sequence,
  ]);
}
