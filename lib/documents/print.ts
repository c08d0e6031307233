import "server-only";
import type { z } from "zod";
import type { Member } from "@/lib/auth/require-member";
import { issueInvoices } from "@/lib/documents/issue-invoices";
import { invoiceLayout, labelLayout, labelSheetLayout, slipLayout } from "@/lib/documents/layouts";
import { markPrinted } from "@/lib/documents/mutations";
import type { OrderPaper } from "@/lib/documents/paper-types";
import { pdfStream, type PdfLayout } from "@/lib/documents/pdf-stream";
import { countStoreOrders, getDocumentSettings, loadOrderPapers, resolvePrintTarget, senderOf } from "@/lib/documents/queries";
import { DOCUMENT_NAMES, type DocumentKind, type printRequestSchema } from "@/lib/documents/schemas";
import { AppError } from "@/lib/http/app-error";
import { istDay } from "@/lib/orders/ist-days";

// One print request → one PDF: resolve the orders (ids, the feed's filter, or today's
// dispatches; at most 500), then stream their pages. Labels and slips read their orders 50 at a
// time as the download proceeds. Invoices are numbered first, all of them, so a missing customer
// state is reported before any byte is sent; then they stream from their stored snapshots. When
// the last page is out, the orders are marked printed.

/** Orders read and drawn per pull of the stream. */
export const PRINT_BATCH = 50;

export type PrintJob = { stream: ReadableStream<Uint8Array>; filename: string; count: number };

type Printed = Array<{ orderId: string; invoiceNumber?: string }>;

async function* inBatches<T>(items: T[]): AsyncGenerator<T[]> {
  for (let index = 0; index < items.length; index += PRINT_BATCH) yield items.slice(index, index + PRINT_BATCH);
}

function layoutFor(document: Exclude<DocumentKind, "invoice">, sender: ReturnType<typeof senderOf>): PdfLayout<OrderPaper> {
  if (document === "label") return labelLayout(sender);
  if (document === "label-sheet") return labelSheetLayout(sender);
  return slipLayout(sender, document === "slip-a4" ? "a4" : "a5");
}

const FILE_STEM: Record<DocumentKind, string> = {
  label: "labels",
  "label-sheet": "labels-a4",
  "slip-a4": "packing-slips",
  "slip-a5": "packing-slips-a5",
  invoice: "invoices",
};

export async function printDocuments(
  member: Member,
  request: z.output<typeof printRequestSchema>,
  now = new Date(),
): Promise<PrintJob> {
  const ids = await resolvePrintTarget(member, request.target, now);
  const count = await countStoreOrders(member, ids);
  if (count === 0) throw new AppError("not_found", "There are no orders to print here.", { reason: "nothing_to_print" });
  const printed: Printed = [];
  const onDone = () => markPrinted(member, printed, request.document, now);
  const title = `${DOCUMENT_NAMES[request.document]} — ${member.store.name}`;
  const filename = `${FILE_STEM[request.document]}-${istDay(now)}.pdf`;

  if (request.document === "invoice") {
    const orders = await loadOrderPapers(member, ids);
    const invoices = await issueInvoices(member, orders, request.states, now);
    const snapshots = orders.flatMap((order) => {
      const invoice = invoices.get(order.id);
      if (!invoice) return [];
      printed.push({ orderId: order.id, invoiceNumber: invoice.number });
      return [invoice];
    });
    const single = snapshots.length === 1 ? `invoice-${snapshots[0]?.number.replaceAll("/", "-")}.pdf` : filename;
    return {
      stream: pdfStream({ title, layout: invoiceLayout(), batches: inBatches(snapshots), onDone }),
      filename: single,
      count,
    };
  }

  const sender = senderOf(member, await getDocumentSettings(member));
  async function* orderBatches(): AsyncGenerator<OrderPaper[]> {
    for await (const batch of inBatches(ids)) {
      const orders = await loadOrderPapers(member, batch);
      printed.push(...orders.map((order) => ({ orderId: order.id })));
      yield orders;
    }
  }
  return {
    stream: pdfStream({ title, layout: layoutFor(request.document, sender), batches: orderBatches(), onDone }),
    filename,
    count,
  };
}
