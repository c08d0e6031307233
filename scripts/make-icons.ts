// npx tsx scripts/make-icons.ts — draws the installable app's icons (public/icons/) from the mark in
// app/icon.svg, with the same Chromium the end-to-end tests use: "any" icons with rounded corners,
// a maskable one whose mark sits inside the 80 % safe zone on a full-bleed background (Android
// crops it to its own shape), Apple's touch icon (square: iOS rounds it), and a white-on-clear
// badge for Android's status bar. Run again only when the mark changes; the PNGs are committed.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findBrowser } from "../tests/support/browser";

const BRAND = "#4f46e5";
const MARK = `<path d="M9.5 10.5h13M16 10.5v11" stroke="#fff" stroke-width="3" stroke-linecap="round"/><circle cx="22.5" cy="21.5" r="2" fill="#a5b4fc"/>`;

const ICONS: { file: string; size: number; svg: string }[] = [
  { file: "icon-192.png", size: 192, svg: svg(`<rect width="32" height="32" rx="8" fill="${BRAND}"/>${MARK}`) },
  { file: "icon-512.png", size: 512, svg: svg(`<rect width="32" height="32" rx="8" fill="${BRAND}"/>${MARK}`) },
  {
    file: "icon-maskable-512.png",
    size: 512,
    svg: svg(
      `<rect width="32" height="32" fill="${BRAND}"/><g transform="translate(16 16) scale(0.7) translate(-16 -16)">${MARK}</g>`,
    ),
  },
  { file: "apple-touch-icon.png", size: 180, svg: svg(`<rect width="32" height="32" fill="${BRAND}"/>${MARK}`) },
  {
    file: "badge-96.png",
    size: 96,
    svg: svg(
      `<path d="M9.5 10.5h13M16 10.5v11" stroke="#fff" stroke-width="3" stroke-linecap="round"/><circle cx="22.5" cy="21.5" r="2" fill="#fff"/>`,
    ),
  },
];

function svg(body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="100%" height="100%">${body}</svg>`;
}

async function main() {
  const choice = await findBrowser(process.env);
  if (!choice) throw new Error("No Chromium found: set CHROMIUM_PATH or apt-get install chromium");
  const browser = await chromium.launch({ executablePath: choice.executablePath, args: CHROMIUM_ARGS });
  const out = path.resolve(__dirname, "..", "public", "icons");
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${icon.svg}</body></html>`);
    await writeFile(path.join(out, icon.file), await page.screenshot({ omitBackground: true }));
    await page.close();
  }
  await browser.close();
  console.log(`Wrote ${ICONS.length} icons to ${out}`);
}

void main();
