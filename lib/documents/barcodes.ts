import "server-only";
import bwipjs from "bwip-js/node";
import type PDFDocument from "pdfkit";

// Barcodes drawn as vector rectangles, so they stay sharp at any printer's resolution and add a
// few hundred bytes per page, not an image: bwip-js (a port of the BWIPP PostScript encoders)
// encodes; `raw` gives the bar widths of a Code 128 and the module matrix of a QR code.

type Doc = InstanceType<typeof PDFDocument>;
type Linear = { sbs: number[] };
type Matrix = { pixs: number[]; pixx: number; pixy: number };

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

/** A QR code (BWIPP's default error correction, M) of `size` × `size` pt at (x, y). */
export function drawQr(doc: Doc, text: string, box: { x: number; y: number; size: number }): void {
  const [symbol] = bwipjs.raw({ bcid: "qrcode", text }) as Matrix[];
  if (!symbol) return;
  const unit = box.size / Math.max(symbol.pixx, symbol.pixy);
  for (let row = 0; row < symbol.pixy; row++) {
    for (let column = 0; column < symbol.pixx; column++) {
      // Slightly oversized modules so neighbours overlap instead of leaving hairline gaps.
      if (symbol.pixs[row * symbol.pixx + column]) doc.rect(box.x + column * unit, box.y + row * unit, unit + 0.05, unit + 0.05);
    }
  }
  doc.fill("#000");
}
