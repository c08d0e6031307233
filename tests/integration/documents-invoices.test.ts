import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);

// POST /api/documents, invoices: numbers consecutive per financial year under concurrency and the
// same on every re-print; CGST + SGST or IGST by the customer's state (asked when unknown); a bill
// of supply without a GSTIN. PDFs read back with pdf.js.

const { actAs, inRequest } = await import("@/tests/fixtures/auth-request");
const { createMerchant } = await import("@/tests/fixtures/auth-merchants");
const {
  createPaperOrders,
  GST_SETTINGS: SETTINGS,
  memberOf,
  pdfOf,
  printDocuments: print,
} = await import("@/tests/fixtures/paper-orders");
const { db } = await import("@/lib/db");
const { saveDocumentSettings, saveProductTax } = await import("@/lib/documents/mutations");
const { issueInvoices, numberInvoices } = await import("@/lib/documents/issue-invoices");
const { getDocumentSettings, getProductTaxes, loadOrderPapers } = await import("@/lib/documents/queries");
const { documentSettingsSchema } = await import("@/lib/documents/schemas");
const { financialYearOf, invoiceNumber } = await import("@/lib/documents/financial-year");

type Merchant = Awaited<ReturnType<typeof createMerchant>>;
let gst: Merchant; // GSTIN in Maharashtra
let plain: Merchant; // no GSTIN

beforeAll(async () => {
  gst = await createMerchant("Gst");
  plain = await createMerchant("Plain");
  await saveDocumentSettings({ ...memberOf(gst), role: "owner" }, documentSettingsSchema.parse(SETTINGS));
  await saveDocumentSettings(
    { ...memberOf(plain), role: "owner" },
    documentSettingsSchema.parse({ ...SETTINGS, gstin: "", legalName: "" }),
  );
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

  it("numbers 100 transactions at once on 100 connections 1…100, no gap or duplicate, one order issued twice at once only once", async () => {
    const store = await createMerchant("Busy");
    const member = memberOf(store);
    await saveDocumentSettings({ ...member, role: "owner" }, documentSettingsSchema.parse(SETTINGS));
    const orders = await loadOrderPapers(
      member,
      (await createPaperOrders(store.store.id, 100)).map((order) => order.id),
    );
    const settings = await getDocumentSettings(member);
    const taxes = await getProductTaxes(member, ["prod-chai"]);
    // As 100 printers on 100 app instances would: no in-process queue, only the counter row's lock.
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 101 });
    const doubled = [orders[0]!, ...orders];
    const clients = await Promise.all(doubled.map(() => pool.connect()));
    try {
      const results = await Promise.all(
        doubled.map(async (order, index) => {
          const client = clients[index]!;
          const issued = new Map();
          await client.query("BEGIN");
          await numberInvoices(client, { member, settings, orders: [order], states: {}, taxes, now: new Date() }, issued);
          await client.query("COMMIT");
          return issued;
        }),
      );
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
      // Both transactions for the doubled order answered its one number.
      const first = invoices.find((invoice) => invoice.orderId === orders[0]!.id)!.number;
      expect([results[0]!.get(orders[0]!.id)?.number, results[1]!.get(orders[0]!.id)?.number]).toEqual([first, first]);
    } finally {
      for (const client of clients) client.release();
      await pool.end();
    }
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
