import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);

// POST /api/documents: labels, packing slips and invoices as PDFs read back with pdf.js; invoice
// numbers consecutive per financial year under concurrency, the same on every re-print; CGST+SGST
// or IGST by the customer's state; bills of supply without a GSTIN; the printed mark and the
// timeline; another store's orders, a foreign origin and too many orders refused.

const { actAs, inRequest, scopedRequest } = await import("@/tests/fixtures/auth-request");
const { createMerchant } = await import("@/tests/fixtures/auth-merchants");
const { createPaperOrders, memberOf } = await import("@/tests/fixtures/paper-orders");
const { readPdf } = await import("@/tests/fixtures/pdf-text");
const { db } = await import("@/lib/db");
const { saveDocumentSettings, saveProductTax } = await import("@/lib/documents/mutations");
const { issueInvoices } = await import("@/lib/documents/issue-invoices");
const { loadOrderPapers } = await import("@/lib/documents/queries");
const { documentSettingsSchema } = await import("@/lib/documents/schemas");
const { financialYearOf, invoiceNumber } = await import("@/lib/documents/financial-year");
const route = await import("@/app/api/documents/route");

type Merchant = Awaited<ReturnType<typeof createMerchant>>;
let gst: Merchant; // GSTIN in Maharashtra
let plain: Merchant; // no GSTIN

const SETTINGS = {
  senderName: "Chai Co Returns",
  senderAddress: "4 Hill Road, Bandra, Mumbai",
  senderPincode: "400050",
  senderPhone: "+91 22 4000 1234",
  legalName: "Chai Company Private Limited",
  gstin: "27AAPFU0939F1ZV",
  registeredAddress: "4 Hill Road, Bandra, Mumbai 400050",
  stateCode: "",
  invoicePrefix: "CC",
  defaultHsn: "0902",
  defaultGstRate: "18",
} as const;

beforeAll(async () => {
  gst = await createMerchant("Gst");
  plain = await createMerchant("Plain");
  await saveDocumentSettings({ ...memberOf(gst), role: "owner" }, documentSettingsSchema.parse(SETTINGS));
  await saveDocumentSettings(
    { ...memberOf(plain), role: "owner" },
    documentSettingsSchema.parse({ ...SETTINGS, gstin: "", legalName: "" }),
  );
});

function print(body: unknown, headers: Record<string, string> = {}) {
  return route.POST(
    scopedRequest("/api/documents", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", ...headers },
    }),
  );
}

async function pdfOf(response: Response) {
  expect(
    response.status,
    await response
      .clone()
      .text()
      .catch(() => ""),
  ).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  return readPdf(new Uint8Array(await response.arrayBuffer()));
}

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

describe("invoices", () => {
  it("charges CGST + SGST within the state, IGST across, numbered once and the same on re-print", async () => {
    const [local] = await createPaperOrders(gst.store.id, 1, { state: "Maharashtra" });
    const [away] = await createPaperOrders(gst.store.id, 1, { state: "Karnataka", pincode: "560001" });
    await saveProductTax({ ...memberOf(gst), role: "owner" }, { productId: "prod-chai", hsn: "09023020", gstRate: "5" });
    await actAs(gst.user);
    const [first] = await pdfOf(await print({ document: "invoice", target: { kind: "orders", ids: [local!.id] } }));
    for (const text of [
      "TAX INVOICE",
      "GSTIN 27AAPFU0939F1ZV",
      "Chai Company Private Limited",
      "Place of supply Maharashtra (code 27)",
      "09023020",
      "CGST 2.5%",
      "SGST 2.5%",
      "₹1,123.80",
      "₹28.10",
      "₹1,180.00",
      "Rupees One Thousand One Hundred Eighty Only",
      "Reverse charge No",
    ]) {
      expect(first!.text).toContain(text);
    }
    expect(first!.text).not.toContain("IGST");
    const number = /CC\/\d{4}\/\d{5}/.exec(first!.text)![0];

    const again = await pdfOf(await print({ document: "invoice", target: { kind: "orders", ids: [local!.id] } }));
    expect(again[0]!.text).toContain(number);
    expect(await db.invoice.count({ where: { orderId: local!.id } })).toBe(1);

    const [igst] = await pdfOf(await print({ document: "invoice", target: { kind: "orders", ids: [away!.id] } }));
    expect(igst!.text).toContain("IGST 5%");
    expect(igst!.text).toContain("₹56.19");
    expect(igst!.text).toContain("Place of supply Karnataka (code 29)");
    const next = /CC\/\d{4}\/(\d{5})/.exec(igst!.text)![1];
    expect(Number(next)).toBe(Number(number.slice(-5)) + 1);
  });

  it("asks for the state when neither TribeMade's address nor the PIN code says, then uses the answer", async () => {
    const [order] = await createPaperOrders(gst.store.id, 1, { state: null, pincode: "160062" });
    await actAs(gst.user);
    const refused = await print({ document: "invoice", target: { kind: "orders", ids: [order!.id] } });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: "validation_failed",
      details: { reason: "state_needed", orders: [{ orderId: order!.id, pincode: "160062" }] },
    });
    expect(await db.invoice.count({ where: { orderId: order!.id } })).toBe(0);
    const [page] = await pdfOf(
      await print({ document: "invoice", target: { kind: "orders", ids: [order!.id] }, states: { [order!.id]: "04" } }),
    );
    expect(page!.text).toContain("Place of supply Chandigarh (code 04)");
    expect(page!.text).toContain("IGST 5%"); // prod-chai's own rate, saved above
  });

  it("gives a merchant without a GSTIN a bill of supply, with no tax", async () => {
    const [order] = await createPaperOrders(plain.store.id, 1);
    await actAs(plain.user);
    const [page] = await pdfOf(await print({ document: "invoice", target: { kind: "orders", ids: [order!.id] } }));
    expect(page!.text).toContain("BILL OF SUPPLY");
    expect(page!.text).toContain("Not registered for GST");
    expect(page!.text).not.toMatch(/CGST|SGST|IGST/);
    expect(page!.text).toContain(plain.store.name);
  });

  it("numbers 100 concurrent issues 1…100 with no gap or duplicate, one order issued twice at once only once", async () => {
    const store = await createMerchant("Busy");
    const member = memberOf(store);
    await saveDocumentSettings({ ...member, role: "owner" }, documentSettingsSchema.parse(SETTINGS));
    const orders = await loadOrderPapers(
      member,
      (await createPaperOrders(store.store.id, 100)).map((order) => order.id),
    );
    // Each call is its own transaction on its own connection, as 100 printers at once would be.
    const doubled = [orders[0]!, ...orders];
    const results = await Promise.all(doubled.map((order) => issueInvoices(member, [order], {})));
    const invoices = await db.invoice.findMany({ where: { storeId: store.store.id }, orderBy: { sequence: "asc" } });
    expect(invoices.map((invoice) => invoice.sequence)).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
    expect(new Set(invoices.map((invoice) => invoice.orderId)).size).toBe(100);
    const fy = financialYearOf(new Date());
    expect(invoices.map((invoice) => invoice.number)).toEqual(
      invoices.map((invoice) => invoiceNumber("CC", fy, invoice.sequence)),
    );
    const counter = await db.invoiceCounter.findUniqueOrThrow({
      where: { storeId_financialYear: { storeId: store.store.id, financialYear: fy } },
    });
    expect(counter.lastSequence).toBe(100);
    // Both issues of the doubled order answered its one number.
    const first = invoices.find((invoice) => invoice.orderId === orders[0]!.id)!.number;
    expect([results[0]!.get(orders[0]!.id)?.number, results[1]!.get(orders[0]!.id)?.number]).toEqual([first, first]);
  }, 60_000);

  it("gives concurrent downloads through the route consecutive numbers, each PDF showing its own", async () => {
    const store = await createMerchant("Desk");
    await saveDocumentSettings({ ...memberOf(store), role: "owner" }, documentSettingsSchema.parse(SETTINGS));
    const orders = await createPaperOrders(store.store.id, 20);
    const texts = await Promise.all(
      orders.map((order) =>
        inRequest(store.user, async () => {
          const response = await print({ document: "invoice", target: { kind: "orders", ids: [order.id] } });
          return (await pdfOf(response))[0]!.text;
        }),
      ),
    );
    const invoices = await db.invoice.findMany({ where: { storeId: store.store.id }, orderBy: { sequence: "asc" } });
    expect(invoices.map((invoice) => invoice.sequence)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    for (const [index, order] of orders.entries()) {
      const invoice = invoices.find((candidate) => candidate.orderId === order.id)!;
      expect(texts[index]).toContain(invoice.number);
      expect(texts[index]!.replace(/\s/g, "")).toContain(order.tribemadeOrderId); // the id may wrap
    }
  }, 60_000);

  it("starts a new series on 1 April in India", async () => {
    const store = await createMerchant("Year");
    const member = memberOf(store);
    await saveDocumentSettings({ ...member, role: "owner" }, documentSettingsSchema.parse(SETTINGS));
    const orders = await loadOrderPapers(
      member,
      (await createPaperOrders(store.store.id, 3)).map((order) => order.id),
    );
    const march = await issueInvoices(member, orders.slice(0, 2), {}, new Date("2027-03-31T18:29:59Z")); // 23:59:59 IST
    const april = await issueInvoices(member, orders.slice(2), {}, new Date("2027-03-31T18:30:00Z")); // 00:00 IST
    expect([...march.values()].map((invoice) => invoice.number)).toEqual(["CC/2627/00001", "CC/2627/00002"]);
    expect([...april.values()].map((invoice) => invoice.number)).toEqual(["CC/2728/00001"]);
    // Re-printing next year keeps last year's number.
    const reprint = await issueInvoices(member, orders.slice(0, 1), {}, new Date("2027-06-01T00:00:00Z"));
    expect(reprint.get(orders[0]!.id)?.number).toBe("CC/2627/00001");
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
