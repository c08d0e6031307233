import { describe, expect, it } from "vitest";
import { parseSearch } from "@/lib/search/terms";

describe("parseSearch", () => {
  it("reads hex as the start of an order id: a UUID range and its dashed text", () => {
    expect(parseSearch("3f2a9c1d")?.orderId).toEqual({
      from: "3f2a9c1d-0000-0000-0000-000000000000",
      to: "3f2a9c1d-ffff-ffff-ffff-ffffffffffff",
      dashed: "3f2a9c1d",
    });
    expect(parseSearch("3F2A9C1D7")?.orderId?.dashed).toBe("3f2a9c1d-7");
    expect(parseSearch("3f2a9c1d-7")?.orderId?.from).toBe("3f2a9c1d-7000-0000-0000-000000000000");
    const full = "770e8400-e29b-41d4-a716-446655440789";
    expect(parseSearch(full)?.orderId).toEqual({ from: full, to: full, dashed: full });
  });

  it("refuses dashes where a UUID has none, and prefixes too short to mean one order", () => {
    expect(parseSearch("3f2a-9c1d")?.orderId ?? null).toBeNull();
    expect(parseSearch("3f2")?.orderId ?? null).toBeNull();
  });

  it("normalises phone numbers to the national number, as the index does", () => {
    expect(parseSearch("+91 98450 12345")?.phonePrefix).toBe("9845012345");
    expect(parseSearch("098450-12345")?.phonePrefix).toBe("9845012345");
    expect(parseSearch("919845012345")?.phonePrefix).toBe("9845012345");
    expect(parseSearch("(98450) 123")?.phonePrefix).toBe("98450123");
    expect(parseSearch("098123")?.phonePrefix).toBe("98123");
    expect(parseSearch("984")?.phonePrefix ?? null).toBeNull();
  });

  it("digits can be an order id, a phone number and a pincode at once", () => {
    const terms = parseSearch("560001");
    expect(terms?.pincode).toBe("560001");
    expect(terms?.phonePrefix).toBe("560001");
    expect(terms?.orderId?.dashed).toBe("560001");
    expect(terms?.name ?? null).toBeNull();
    expect(parseSearch("5600011")?.pincode ?? null).toBeNull();
  });

  it("reads an address, or its start, as an email prefix, lower-cased", () => {
    expect(parseSearch("Kavya.Iyer@Example.in")?.emailPrefix).toBe("kavya.iyer@example.in");
    expect(parseSearch("kavya.iy")?.emailPrefix).toBe("kavya.iy");
    expect(parseSearch("kavya iyer")?.emailPrefix ?? null).toBeNull();
  });

  it("reads letters as a name (3 characters or more)", () => {
    expect(parseSearch("  Kavya   Iyer ")?.name).toBe("Kavya Iyer");
    expect(parseSearch("ब्रज")?.name).toBe("ब्रज");
    expect(parseSearch("Ka")).toBeNull();
  });

  it("is null for nothing to search", () => {
    expect(parseSearch("")).toBeNull();
    expect(parseSearch("   ")).toBeNull();
    expect(parseSearch("%_")).toBeNull();
  });
});
