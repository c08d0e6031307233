import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { db } from "@/lib/db";
import { financialYearOf, invoiceNumber } from "@/lib/documents/financial-year";
import { stateByCode, type IndiaState } from "@/lib/documents/india-states";
import { buildInvoiceSnapshot } from "@/lib/documents/invoice-snapshot";
import type { InvoiceSnapshot, OrderPaper } from "@/lib/documents/paper-types";
import { getDocumentSettings, getProductTaxes } from "@/lib/documents/queries";
import type { StateNeeded } from "@/lib/documents/schemas";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";

// Invoice numbers: consecutive per store and financial year, unique, assigned once per order and
// the same on every re-print, with no gaps or duplicates however many people print at once. A
// sequence cannot promise that (a rolled-back nextval is a gap), so the store's counter row for
// the year is taken FOR UPDATE: whoever holds it reads the last number, writes the invoices and the
// new last number, and commits; a failure rolls all of it back. Printing an order that already has
// an invoice reads it back, including when another printer issued it while this one waited for
// the lock (the re-check happens under the lock).

// Enough for 500 invoices queued behind each other's locks (docs/documents.md, the concurrency test).
const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 };

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

/** The invoice of each order (issuing the missing ones, in the given order), by Order.id. */
export async function issueInvoices(
  member: Member,
  orders: OrderPaper[],
  states: Record<string, string>,
  now = new Date(),
): Promise<Map<string, InvoiceSnapshot>> {
  const storeId = member.store.id;
  const issued = new Map<string, InvoiceSnapshot>();
  const read = (rows: Array<{ orderId: string; snapshot: Prisma.JsonValue }>) => {
    for (const row of rows) issued.set(row.orderId, row.snapshot as unknown as InvoiceSnapshot);
  };
  read(
    await db.invoice.findMany({
      where: { storeId, orderId: { in: orders.map((order) => order.id) } },
      select: { orderId: true, snapshot: true },
    }),
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
  const seller = settings.stateCode ? (stateByCode(settings.stateCode) ?? null) : null;
  const financialYear = financialYearOf(now);

  await db.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "InvoiceCounter" ("storeId", "financialYear") VALUES (${storeId}::uuid, ${financialYear}) ON CONFLICT DO NOTHING`;
    const [counter] = await tx.$queryRaw<Array<{ lastSequence: number }>>`
      SELECT "lastSequence" FROM "InvoiceCounter" WHERE "storeId" = ${storeId}::uuid AND "financialYear" = ${financialYear} FOR UPDATE`;
    read(
      await tx.invoice.findMany({
        where: { storeId, orderId: { in: missing.map((order) => order.id) } },
        select: { orderId: true, snapshot: true },
      }),
    );
    let sequence = counter?.lastSequence ?? 0;
    const rows: Prisma.InvoiceCreateManyInput[] = [];
    for (const order of missing) {
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
      const snapshot = buildInvoiceSnapshot({
        order,
        settings,
        storeName: member.store.name,
        placeOfSupply: (states[order.id] ? stateByCode(states[order.id] as string) : order.customer.address.state) as IndiaState,
        seller,
        tax: { hsn: product?.hsn || settings.defaultHsn || null, rate: product?.gstRate ?? settings.defaultGstRate },
        number,
        issuedAt: now,
      });
      issued.set(order.id, snapshot);
      rows.push({
        storeId,
        orderId: order.id,
        financialYear,
        sequence,
        number,
        kind: snapshot.kind,
        issuedAt: now,
        snapshot: snapshot as unknown as Prisma.InputJsonValue,
      });
    }
    if (rows.length === 0) return;
    await tx.invoice.createMany({ data: rows });
    await tx.invoiceCounter.update({
      where: { storeId_financialYear: { storeId, financialYear } },
      data: { lastSequence: sequence },
    });
  }, TX_OPTIONS);
  return issued;
}
