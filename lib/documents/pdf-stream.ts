import "server-only";
import PDFDocument from "pdfkit";
import { registerFonts } from "@/lib/documents/pdf-fonts";

// One PDF streamed page by page with bounded memory, for one document or five hundred. The
// response pulls; each pull reads the next batch of orders, draws their pages and hands over the
// bytes pdfkit wrote for them. pdfkit writes each page's content when the next page starts and
// keeps only small bookkeeping (object offsets, the glyphs used, for the font subsets written at the
// end), so memory depends on the batch, not on the number of pages. Nothing is drawn ahead of
// what the client has taken (highWaterMark 1), as in the CSV export (lib/orders/export.ts).

type Doc = InstanceType<typeof PDFDocument>;

export type PdfLayout<T> = {
  /** Page size in points. */
  size: [number, number];
  /** Items per page (4 for the A4 label sheet, else 1). */
  perPage: number;
  /** Draws item `slot` (0 … perPage-1) of the current page. */
  draw: (doc: Doc, item: T, slot: number) => void;
  /** Drawn once per page after its items (cut lines). */
  decorate?: (doc: Doc) => void;
};

export type PdfStreamOptions<T> = {
  title: string;
  layout: PdfLayout<T>;
  /** Batches of items, in print order; the stream asks for the next only when it needs it. */
  batches: AsyncIterator<T[]>;
  /** Runs after the last page is written and before the stream closes (the "printed" mark). */
  onDone?: (count: number) => Promise<void>;
};

export function pdfStream<T>({ title, layout, batches, onDone }: PdfStreamOptions<T>): ReadableStream<Uint8Array> {
  let doc: Doc | null = null;
  let count = 0;

  const drain = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    const chunk: Buffer | null = doc?.read() ?? null;
    if (chunk && chunk.length > 0) controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!doc) {
          doc = new PDFDocument({
            autoFirstPage: false,
            margin: 0,
            info: { Title: title, Author: "Tribedesk", Creator: "Tribedesk" },
          });
          registerFonts(doc);
        }
        const next = await batches.next();
        if (next.done) {
          if (count === 0) doc.addPage({ size: layout.size, margin: 0 }); // a PDF needs a page
          if (count > 0 && count % layout.perPage !== 0) layout.decorate?.(doc);
          doc.end();
          drain(controller);
          await onDone?.(count);
          controller.close();
          return;
        }
        for (const item of next.value) {
          const slot = count % layout.perPage;
          if (slot === 0) {
            if (count > 0) layout.decorate?.(doc);
            doc.addPage({ size: layout.size, margin: 0 });
          }
          layout.draw(doc, item, slot);
          count++;
        }
        drain(controller);
      },
      async cancel() {
        doc = null;
        await batches.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}
