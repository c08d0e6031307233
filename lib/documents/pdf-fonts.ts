import "server-only";
import * as fontkit from "fontkit";
import path from "node:path";
import type PDFDocument from "pdfkit";

// The fonts every document uses: Noto Sans from the @expo-google-fonts/noto-sans package, Google
// Fonts' full static TTFs, one file per weight covering Latin, the rupee sign ₹ and Devanagari with
// its shaping tables (a customer name in Hindi prints right; pdfkit shapes it with fontkit).
// Not @fontsource: it splits each weight into per-script WOFF2 subsets (₹ is in latin-ext, "A" in
// latin), and pdfkit has no font fallback, so every string would have to be cut into runs per
// file (docs/decisions.md, "Documents"). Read from node_modules at run time (no download);
// next.config.ts traces the files into serverless bundles. pdfkit embeds only the glyphs used.
//
// Parsed once per process and shared by every document (pdfkit accepts a fontkit font): building
// the shaping tables of a 4,500-glyph font costs ~50–100 ms per weight, which a one-page PDF would
// otherwise pay each time. Documents only read the font; each keeps its own subset.

const FONT_DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans");
const FILES = {
  regular: path.join(FONT_DIR, "400Regular", "NotoSans_400Regular.ttf"),
  bold: path.join(FONT_DIR, "700Bold", "NotoSans_700Bold.ttf"),
} as const;

export type FontName = keyof typeof FILES;

let cache: Record<FontName, fontkit.Font> | undefined;

function open(file: string): fontkit.Font {
  const font = fontkit.openSync(file);
  if (!("layout" in font)) throw new Error(`${file} is a font collection, not a font`);
  return font;
}

function fonts(): Record<FontName, fontkit.Font> {
  cache ??= { regular: open(FILES.regular), bold: open(FILES.bold) };
  return cache;
}

export function registerFonts(doc: InstanceType<typeof PDFDocument>): void {
  const { regular, bold } = fonts();
  // @types/pdfkit predates pdfkit 0.20's fontkit-font sources (PDFFontFactory.open: `src.layout`).
  doc.registerFont("regular", regular as unknown as Buffer);
  doc.registerFont("bold", bold as unknown as Buffer);
  doc.font("regular");
}
