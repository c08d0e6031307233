import { describe, expect, it } from "vitest";
import { base64ToBytes, decodeBody, hexDump } from "@/lib/webhooks/body-bytes";
import { filtersToParams } from "@/lib/webhooks/deliveries-url";
import { deliveryFiltersSchema } from "@/lib/webhooks/schemas";

describe("decodeBody", () => {
  it("parses UTF-8 JSON and keeps the text exact", () => {
    const text = '{"name":"Asha","amount":2048.00,"note":"₹ नमस्ते"}\n';
    const body = decodeBody(new TextEncoder().encode(text));
    expect(body).toMatchObject({ text, validUtf8: true, json: { ok: true, value: { name: "Asha", amount: 2048 } } });
  });

  it("flags invalid UTF-8 and shows replacement characters", () => {
    const body = decodeBody(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]));
    expect(body.validUtf8).toBe(false);
    expect(body.text).toBe('{"\uFFFD"}');
  });

  it("keeps a BOM in the text but still reads the JSON, as ingest does", () => {
    const body = decodeBody(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]));
    expect(body.text.charCodeAt(0)).toBe(0xfeff);
    expect(body.json).toEqual({ ok: true, value: {} });
  });

  it("reports a body that is not JSON", () => {
    expect(decodeBody(new TextEncoder().encode("hello")).json.ok).toBe(false);
    expect(decodeBody(new Uint8Array()).json.ok).toBe(false);
  });
});

describe("base64ToBytes", () => {
  it("round-trips every byte value", () => {
    const all = Uint8Array.from({ length: 256 }, (_, index) => index);
    expect(base64ToBytes(Buffer.from(all).toString("base64"))).toEqual(all);
  });
});

describe("hexDump", () => {
  it("prints offset, hex in two groups of eight, and printable ASCII", () => {
    const dump = hexDump(new TextEncoder().encode('{"a":"\u0000bcdefghijklmnop"}'));
    expect(dump.split("\n")).toEqual([
      '00000000  7b 22 61 22 3a 22 00 62  63 64 65 66 67 68 69 6a  |{"a":".bcdefghij|',
      '00000010  6b 6c 6d 6e 6f 70 22 7d                           |klmnop"}|',
    ]);
  });

  it("stops at the limit", () => {
    expect(hexDump(new Uint8Array(100), 32).split("\n")).toHaveLength(2);
  });
});

describe("filters in the URL", () => {
  it("round-trips through the query string, leaving defaults out", () => {
    const filters = deliveryFiltersSchema.parse({
      outcome: "rejected",
      reason: "invalid_json",
      range: "24h",
      q: "kavya@example.in",
    });
    const params = filtersToParams(filters);
    expect(params.toString()).toBe("outcome=rejected&reason=invalid_json&range=24h&q=kavya%40example.in");
    expect(deliveryFiltersSchema.parse(Object.fromEntries(params))).toEqual(filters);
    expect(filtersToParams(deliveryFiltersSchema.parse({})).toString()).toBe("");
  });

  it("treats cleared fields as absent", () => {
    expect(deliveryFiltersSchema.parse({ outcome: "", endpoint: "", q: "  ", range: "" })).toEqual({ range: "all" });
  });
});
