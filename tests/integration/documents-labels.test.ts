import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);

// POST /api/documents, labels and packing slips: PDFs read back with pdf.js (sizes, text, a Hindi
// name), four labels an A4 sheet, today's dispatches, 500 labels streamed within a memory bound,
// the printed mark and the timeline; another store's orders, a foreign origin and 501 orders refused.

const { actAs } = await import("@/tests/fixtures/auth-request");
const { createMerchant } = await import("@/tests/fixtures/auth-merchants");
const {
  createPaperOrders,
  GST_SETTINGS: SETTINGS,
  memberOf,
  pdfOf,
  printDocuments: print,
} = await import("@/tests/fixtures/paper-orders");
const { readPdf } = await import("@/tests/fixtures/pdf-text");
const { db } = await import("@/lib/db");
const { saveDocumentSettings } = await import("@/lib/documents/mutations");
const { documentSettingsSchema } = await import("@/lib/documents/schemas");

type Merchant = Awaited<ReturnType<typeof createMerchant>>;
let gst: Merchant;
let plain: Merchant;

beforeAll(async () => {
  gst = await createMerchant("Gst");
  plain = await createMerchant("Plain");
  await saveDocumentSettings({ ...memberOf(gst), role: "owner" }, documentSettingsSchema.parse(SETTINGS));
});

const devanagari = (text: string) =>
  [...text]
    .filter((char) => /\p{Script=Devanagari}/u.test(char))
    .sort()
    .join("");

describe("labels and packing slips", () => {
  it("prints a 4×6 label with both addresses, PREPAID, the AWB and a Hindi name in its own script", async () => {
    const name = "राजेश कुमार शर्मा";
    const [order] = await createPaperOrders(gst.store.id, 1, {
      name,
      status: "dispatched",
      trackingUrl: "https://www.delhivery.com/track/package/1610000000001",
    });
    await actAs(gst.user);
    const response = await print({ document: "label", target: { kind: "orders", ids: [order!.id] } });
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="labels-\d{4}-\d{2}-\d{2}\.pdf"$/);
    const [page, ...rest] = await pdfOf(response);
    expect(rest).toHaveLength(0);
    expect([page!.width, page!.height]).toEqual([288, 432]);
    for (const text of [
      "PREPAID",
      "Chai Co Returns",
      "PIN 400050",
      "12, Marine Drive",
      "PIN 400001",
      "Maharashtra",
      order!.tribemadeOrderId,
      "Masala Chai Box × 2",
      "1610000000001",
    ]) {
      expect(page!.text).toContain(text);
    }
    // Shaped Devanagari comes back in visual order; every letter of the name is there.
    expect(devanagari(page!.text)).toContain(devanagari(name));

    const stored = await db.order.findUniqueOrThrow({ where: { id: order!.id }, select: { printedAt: true } });
    expect(stored.printedAt).not.toBeNull();
    const event = await db.orderEvent.findFirstOrThrow({ where: { orderId: order!.id, type: "documents_printed" } });
    expect(event).toMatchObject({ actor: gst.user.name, data: { document: "label", inFile: 1 } });
  });

  it("puts four labels on each A4 sheet and prints packing slips on A4 and A5", async () => {
    const orders = await createPaperOrders(gst.store.id, 5);
    await actAs(gst.user);
    const ids = orders.map((order) => order.id);
    const sheets = await pdfOf(await print({ document: "label-sheet", target: { kind: "orders", ids } }));
    expect(sheets).toHaveLength(2);
    expect(sheets[0]!.width).toBeCloseTo(595.28, 1);
    expect(sheets[0]!.text.match(/PREPAID/g)).toHaveLength(4);
    expect(sheets[1]!.text.match(/PREPAID/g)).toHaveLength(1);

    const a5 = await pdfOf(await print({ document: "slip-a5", target: { kind: "orders", ids: ids.slice(0, 1) } }));
    expect(a5[0]!.width).toBeCloseTo(419.53, 1);
    for (const text of [
      "PACKING SLIP",
      "Variation: Classic",
      "Size: 500 g",
      "Gift wrap please",
      "Name on card?",
      "Asha",
      orders[0]!.tribemadeOrderId,
    ]) {
      expect(a5[0]!.text).toContain(text);
    }
    const a4 = await pdfOf(await print({ document: "slip-a4", target: { kind: "orders", ids } }));
    expect(a4.map((page) => page.width)).toEqual(Array(5).fill(595.28));
  });

  it("labels everything dispatched today, and only that", async () => {
    const [today, earlier] = await createPaperOrders(gst.store.id, 2, { status: "dispatched" });
    const actor = { actor: gst.user.name, actorUserId: gst.user.id, storeId: gst.store.id, type: "status_requested" };
    await db.orderEvent.createMany({
      data: [
        { ...actor, orderId: today!.id, data: { from: "processing", to: "dispatched" } },
        {
          ...actor,
          orderId: earlier!.id,
          data: { from: "processing", to: "dispatched" },
          createdAt: new Date(Date.now() - 3 * 86_400_000),
        },
      ],
    });
    await actAs(gst.user);
    const pages = await pdfOf(await print({ document: "label", target: { kind: "dispatched_today" } }));
    const text = pages.map((page) => page.text).join(" ");
    expect(text).toContain(today!.tribemadeOrderId);
    expect(text).not.toContain(earlier!.tribemadeOrderId);
  });
});

describe("bulk and refusals", () => {
  it("streams 500 labels from the feed's filter in one PDF within a memory bound, and refuses 501", async () => {
    const store = await createMerchant("Bulk");
    await createPaperOrders(store.store.id, 500, {
      name: "प्रिया शर्मा",
      status: "dispatched",
      trackingUrl: "https://www.delhivery.com/track/package/1610000000001",
    });
    await actAs(store.user);
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const response = await print({ document: "label", target: { kind: "filter", filters: { status: "dispatched" } } });
    expect(response.status).toBe(200);
    const chunks: Uint8Array[] = [];
    const reader = response.body!.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      chunks.push(chunk.value);
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const bytes = Buffer.concat(chunks);
    // The PDF itself is small; what the server holds while drawing must be too: one batch of 50 orders.
    expect(bytes.length).toBeLessThan(10 * 1024 * 1024);
    expect(peak - before).toBeLessThan(96 * 1024 * 1024);
    const pages = await readPdf(new Uint8Array(bytes));
    expect(pages).toHaveLength(500);
    expect(await db.order.count({ where: { storeId: store.store.id, printedAt: { not: null } } })).toBe(500);

    await createPaperOrders(store.store.id, 1, { status: "dispatched" });
    const tooMany = await print({ document: "label", target: { kind: "filter", filters: { status: "dispatched" } } });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({ details: { reason: "too_many_documents", max: 500 } });
  }, 120_000);

  it("prints nothing of another store's orders and refuses requests from another origin", async () => {
    const [theirs] = await createPaperOrders(plain.store.id, 1);
    await actAs(gst.user);
    const response = await print({ document: "label", target: { kind: "orders", ids: [theirs!.id] } });
    expect(response.status).toBe(404);
    const [mine] = await createPaperOrders(gst.store.id, 1);
    const forged = await print(
      { document: "label", target: { kind: "orders", ids: [mine!.id] } },
      { origin: "https://evil.example" },
    );
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ error: "csrf_failed" });
    const invalid = await print({ document: "poster", target: { kind: "orders", ids: [mine!.id] } });
    expect(invalid.status).toBe(400);
  });
});
