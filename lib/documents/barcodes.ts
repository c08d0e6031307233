import "server-only";
import bwipjs from "bwip-js/node";
import type PDFDocument from "pdfkit";
import QRCode from "qrcode";

// Barcodes drawn as vector rectangles, so they stay sharp at any printer's resolution and add a
// few hundred bytes per page, not an image: bwip-js (a port of the BWIPP PostScript encoders) gives
// a Code 128's bar widths (`raw`); `qrcode` gives a QR code's module matrix.

type Doc = InstanceType<typeof PDFDocument>;
type Linear = { sbs: number[] };

/** Code 128 fitted into `width` (module width capped at `maxModule` pt), left-aligned at x. */
export function drawCode128(
  doc: Doc,
  text: string,
  box: { x: number; y: number; width: number; height: number; maxModule?: number },
): void {
  const [symbol] = bwipjs.raw({ bcid: "code128", text }) as Linear[];
  if (!symbol) return;
  const modules = symbol.sbs.reduce((sum, width) => sum + width, 0);
  const unit = Math.min(box.maxModule ?? 2, box.width / modules);
  let x = box.x + (box.width - modules * unit) / 2;
  symbol.sbs.forEach((width, index) => {
    // sbs alternates bar, space, bar, …
    if (index % 2 === 0) doc.rect(x, box.y, width * unit, box.height);
    x += width * unit;
  });
  doc.fill("#000");
}

/**
 * A QR code (error correction M) of `size` × `size` pt at (x, y), each row's dark runs drawn as one
 * rectangle. Encoded with `qrcode`, not bwip-js: bwip-js runs BWIPP's PostScript logic and took
 * ~25 ms per QR here, most of a 500-label file's time; `qrcode` takes well under 1 ms.
 */
export function drawQr(doc: Doc, text: string, box: { x: number; y: number; size: number }): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const unit = box.size / modules.size;
  for (let row = 0; row < modules.size; row++) {
    let column = 0;
    while (column < modules.size) {
      if (!modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < modules.size && modules.get(row, column)) column++;
      // A hair taller than a module, so rows overlap instead of leaving hairline gaps.
      doc.rect(box.x + start * unit, box.y + row * unit, (column - start) * unit, unit + 0.05);
    }
  }
  doc.fill("#000");
}
