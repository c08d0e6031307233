import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import type PDFDocument from "pdfkit";

// The fonts every document uses: Noto Sans from the @expo-google-fonts/noto-sans package, Google
// Fonts' full static TTFs, one file per weight covering Latin, the rupee sign ₹ and Devanagari with
// its shaping tables (a customer name in Hindi prints right; pdfkit shapes it with fontkit).
// Not @fontsource: it splits each weight into per-script WOFF2 subsets (₹ is in latin-ext, "A" in
// latin), and pdfkit has no font fallback, so every string would have to be cut into runs per
// file (docs/decisions.md, "Documents"). Read from node_modules at run time (no download);
// next.config.ts traces the files into serverless bundles. pdfkit embeds only the glyphs used.

const FONT_DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans");
const FILES = {
  regular: path.join(FONT_DIR, "400Regular", "NotoSans_400Regular.ttf"),
  bold: path.join(FONT_DIR, "700Bold", "NotoSans_700Bold.ttf"),
} as const;

export type FontName = keyof typeof FILES;

let cache: Record<FontName, Buffer> | undefined;

/** Read once per process (~1.2 MB for both weights). */
function fontBytes(): Record<FontName, Buffer> {
  cache ??= { regular: readFileSync(FILES.regular), bold: readFileSync(FILES.bold) };
  return cache;
}

export function registerFonts(doc: InstanceType<typeof PDFDocument>): void {
  const bytes = fontBytes();
  doc.registerFont("regular", bytes.regular);
  doc.registerFont("bold", bytes.bold);
  doc.font("regular");
}
