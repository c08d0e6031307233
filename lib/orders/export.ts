import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { csvRow, formatIstCsv, UTF8_BOM } from "@/lib/orders/csv";
import { findOrderIds, getOrdersForExport } from "@/lib/orders/queries";
import type { OrderFilters } from "@/lib/orders/schemas";
import { encodeCursor } from "@/lib/search/keyset";

// The CSV export of the feed's current filter (GET /api/orders/export): the same statement as the
// feed (lib/orders/order-page.ts), paged by cursor, one batch per pull. The stream pulls the next
// batch only when the response has taken the last one, so a 100,000-order store streams in
// constant memory, however slow the download.

export const EXPORT_BATCH = 500;

const HEADER = [
  "Order ID",
  "Placed (IST)",
  "Received (IST)",
  "Status",
  "Customer",
  "Email",
  "Phone",
  "Pincode",
  "Address",
  "Product",
  "Product ID",
  "Variation",
  "Size",
  "Colour",
  "Quantity",
  "Amount (INR)",
  "Verification",
  "Sync",
  "Tracking URL",
  "Tags",
];

export function exportOrdersCsv(
  member: Member,
  filters: OrderFilters,
  options: { batchSize?: number; now?: Date } = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batchSize = options.batchSize ?? EXPORT_BATCH;
  // One "now" for the whole export, so a preset range ("today") cannot shift between batches.
  const now = options.now ?? new Date();
  let cursor: string | undefined;
  let started = false;

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let text = "";
        if (!started) {
          started = true;
          text = UTF8_BOM + csvRow(HEADER);
        }
        const { ids, more } = await findOrderIds(member, { ...filters, cursor, limit: batchSize }, now);
        const orders = await getOrdersForExport(member, ids);
        for (const order of orders) {
          text += csvRow([
            order.tribemadeOrderId,
            formatIstCsv(order.placedAt),
            formatIstCsv(order.receivedAt),
            order.status,
            order.customerName,
            order.customerEmail,
            order.customerPhone,
            order.customerPincode,
            order.customerAddress,
            order.productName,
            order.productId,
            order.variation,
            order.size,
            order.color,
            order.quantity,
            { number: order.amount },
            order.verification,
            order.sync,
            order.trackingUrl,
            order.tags.map((tag) => tag.name).join("; "),
          ]);
        }
        if (text) controller.enqueue(encoder.encode(text));
        const last = orders.at(-1);
        if (more && last) cursor = encodeCursor({ receivedAt: last.receivedAt, id: last.id });
        else controller.close();
      },
    },
    // Nothing is read ahead beyond one batch.
    { highWaterMark: 1 },
  );
}
