import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { listCustomers } from "@/lib/customers/queries";
import type { CustomerFilters } from "@/lib/customers/schemas";
import { csvRow, formatIstCsv, UTF8_BOM } from "@/lib/orders/csv";

// The customers list as CSV (GET /api/customers/export): the list's own statement, paged by cursor,
// one batch per pull, through the orders' CSV module (its formula guard: a customer's name or email
// that starts with = + - @ is written as text, never run).

const BATCH = 100;

const HEADER = ["Name", "Email", "Phone", "Orders", "Spent (INR)", "First order (IST)", "Last order (IST)", "Tags"];

export function exportCustomersCsv(member: Member, filters: CustomerFilters): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let text = started ? "" : UTF8_BOM + csvRow(HEADER);
        started = true;
        const page = await listCustomers(member, { ...filters, cursor, limit: BATCH });
        for (const customer of page.items) {
          text += csvRow([
            customer.name,
            customer.email,
            customer.phone,
            customer.orderCount,
            { number: customer.totalSpent },
            formatIstCsv(customer.firstOrderAt),
            formatIstCsv(customer.lastOrderAt),
            customer.tags.map((tag) => tag.name).join("; "),
          ]);
        }
        if (text) controller.enqueue(encoder.encode(text));
        if (page.nextCursor) cursor = page.nextCursor;
        else controller.close();
      },
    },
    { highWaterMark: 1 },
  );
}
