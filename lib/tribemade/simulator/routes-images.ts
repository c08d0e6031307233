// Placeholder images for product_image and image answers. TribeMade serves real CDN URLs; a demo
// running offline needs a URL that loads, so the simulator draws a tile with the product's initials.

import type { ServerResponse } from "node:http";
import type { SimulatorContext } from "./context";

const PALETTE = ["#f97316", "#0ea5e9", "#22c55e", "#a855f7", "#e11d48", "#eab308"];

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function isImagePath(path: string): boolean {
  return /^\/images\/[A-Za-z0-9/_-]+\.svg$/.test(path);
}

export function serveImage(ctx: SimulatorContext, path: string, res: ServerResponse): void {
  const productId = /^\/images\/products\/([0-9a-f-]+)\.svg$/.exec(path)?.[1];
  const name = productId === undefined ? "Upload" : (ctx.state.products.get(productId)?.name ?? "Product");
  const initials = name
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word[0] ?? "")
    .join("")
    .toUpperCase();
  const color = PALETTE[[...path].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % PALETTE.length];
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">` +
    `<rect width="400" height="400" fill="${color}"/>` +
    `<text x="200" y="230" font-family="sans-serif" font-size="120" text-anchor="middle" fill="#fff">${escapeXml(initials)}</text>` +
    `</svg>`;
  res.writeHead(200, { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400" });
  res.end(svg);
}
