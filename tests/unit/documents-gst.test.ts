import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { indianWords, rupeesInWords } from "@/lib/documents/amount-words";
import { awbFromTrackingUrl } from "@/lib/documents/awb-from-url";
import { financialYearOf, invoiceNumber } from "@/lib/documents/financial-year";
import { checkGstin, gstinCheckChar } from "@/lib/documents/gstin";
import { stateByName } from "@/lib/documents/india-states";
import { paiseToDecimal, toPaise } from "@/lib/documents/money";
import { stateCodeForPincode } from "@/lib/documents/pincode-state";
import { splitInclusiveTax } from "@/lib/documents/tax";
import { trackingUrlFor } from "@/lib/orders/awb";

// The invoice's arithmetic and identifiers: financial years and numbers, the GST split of a
// tax-inclusive price, amounts in Indian words, GSTIN check digits, and where a customer is.

describe("financial year and invoice numbers", () => {
  it("turns over at midnight IST on 1 April, not at UTC midnight", () => {
    expect(financialYearOf(new Date("2027-03-31T18:29:59.999Z"))).toBe("2026-27"); // 23:59:59.999 IST
    expect(financialYearOf(new Date("2027-03-31T18:30:00.000Z"))).toBe("2027-28"); // 00:00 IST 1 Apr
    expect(financialYearOf(new Date("2027-01-15T10:00:00Z"))).toBe("2026-27");
    expect(financialYearOf(new Date("2099-04-01T00:00:00Z"))).toBe("2099-00");
  });

  it("numbers PREFIX/YYYY/NNNNN within 16 characters, or refuses", () => {
    expect(invoiceNumber("INV", "2026-27", 42)).toBe("INV/2627/00042");
    expect(invoiceNumber("ABCDE", "2026-27", 99_999)).toBe("ABCDE/2627/99999");
    expect(invoiceNumber("ABCDE", "2026-27", 99_999)!.length).toBe(16);
    expect(invoiceNumber("ABCD", "2026-27", 100_000)).toBe("ABCD/2627/100000");
    expect(invoiceNumber("ABCDE", "2026-27", 100_000)).toBeNull();
    // A new year starts a new series: the same sequence gives a different, unique number.
    expect(invoiceNumber("INV", "2027-28", 1)).not.toBe(invoiceNumber("INV", "2026-27", 1));
  });
});

describe("GST in a tax-inclusive price", () => {
  it("splits CGST and SGST equally within the state and IGST across states", () => {
    const intra = splitInclusiveTax(toPaise("1180.00"), "18", true);
    expect(intra).toMatchObject({ taxable: 100_000n, cgst: 9_000n, sgst: 9_000n, igst: 0n });
    const inter = splitInclusiveTax(toPaise("1180.00"), "18", false);
    expect(inter).toMatchObject({ taxable: 100_000n, cgst: 0n, sgst: 0n, igst: 18_000n });
    expect(splitInclusiveTax(toPaise("999.99"), "5", false)).toMatchObject({ igst: 4_762n, taxable: 95_237n });
    expect(splitInclusiveTax(toPaise("500"), "0", true)).toMatchObject({ taxable: 50_000n, cgst: 0n });
  });

  it("always adds up to what the customer paid, with tax within a paisa of the exact figure", () => {
    const rates = ["0", "0.25", "3", "5", "12", "18", "28", "40"];
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10_000_000_00n }), fc.constantFrom(...rates), fc.boolean(), (total, rate, intra) => {
        const split = splitInclusiveTax(total, rate, intra);
        expect(split.taxable + split.cgst + split.sgst + split.igst).toBe(total);
        expect(split.cgst).toBe(split.sgst);
        const exact = (Number(total) * Number(rate)) / (100 + Number(rate));
        expect(Math.abs(Number(split.cgst + split.sgst + split.igst) - exact)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("reads decimal strings exactly", () => {
    expect(toPaise("2048.5")).toBe(204_850n);
    expect(paiseToDecimal(toPaise("0.07"))).toBe("0.07");
    expect(() => toPaise("12.345")).toThrow();
  });
});

describe("amount in words", () => {
  it("uses lakh and crore", () => {
    expect(indianWords(0n)).toBe("Zero");
    expect(indianWords(1_25_000n)).toBe("One Lakh Twenty-Five Thousand");
    expect(indianWords(1_00_00_000n)).toBe("One Crore");
    expect(indianWords(12_34_56_789n)).toBe("Twelve Crore Thirty-Four Lakh Fifty-Six Thousand Seven Hundred Eighty-Nine");
    expect(indianWords(100_00_00_000n)).toBe("One Hundred Crore");
    expect(indianWords(1_01_011n)).toBe("One Lakh One Thousand Eleven");
  });

  it("says rupees and paise as invoices do", () => {
    expect(rupeesInWords(toPaise("1299.00"))).toBe("Rupees One Thousand Two Hundred Ninety-Nine Only");
    expect(rupeesInWords(toPaise("125000.50"))).toBe("Rupees One Lakh Twenty-Five Thousand and Fifty Paise Only");
    expect(rupeesInWords(toPaise("0.05"))).toBe("Rupees Zero and Five Paise Only");
  });
});

describe("GSTIN", () => {
  it("accepts real GSTINs and computes their check character", () => {
    for (const gstin of ["27AAPFU0939F1ZV", "27AAACR5055K1Z7", "24AAACC1206D1ZM"]) {
      expect(checkGstin(gstin)).toEqual({ ok: true, gstin, stateCode: gstin.slice(0, 2) });
      expect(gstinCheckChar(gstin.slice(0, 14))).toBe(gstin[14]);
    }
    expect(checkGstin(" 27aapfu0939f1zv ")).toMatchObject({ ok: true, gstin: "27AAPFU0939F1ZV" });
  });

  it("refuses a wrong check digit, any single typo, a bad shape or an unknown state", () => {
    expect(checkGstin("27AAPFU0939F1ZW")).toMatchObject({ ok: false, message: expect.stringMatching(/check digit/) });
    // Luhn mod 36 catches every single-character substitution.
    const valid = "27AAPFU0939F1ZV";
    for (let index = 2; index < 14; index++) {
      const swapped = valid[index] === "9" ? "8" : /\d/.test(valid[index]!) ? "9" : valid[index] === "A" ? "B" : "A";
      const typo = valid.slice(0, index) + swapped + valid.slice(index + 1);
      expect(checkGstin(typo).ok).toBe(false);
    }
    expect(checkGstin("27AAPFU0939F1Z").ok).toBe(false);
    expect(checkGstin("2AAAPFU0939F1ZV").ok).toBe(false);
    const unknownState = `99${valid.slice(2, 14)}`;
    expect(checkGstin(unknownState + gstinCheckChar(unknownState))).toMatchObject({ ok: false, message: /state code/ });
  });
});

describe("where the customer is", () => {
  it("reads state names as customers type them", () => {
    expect(stateByName("Maharashtra")?.code).toBe("27");
    expect(stateByName("TAMILNADU")?.code).toBe("33");
    expect(stateByName("Orissa")?.code).toBe("21");
    expect(stateByName("Jammu & Kashmir")?.code).toBe("01");
    expect(stateByName("Atlantis")).toBeUndefined();
  });

  it("maps PIN codes to states, and answers null where a prefix spans two", () => {
    expect(stateCodeForPincode("400001")).toBe("27"); // Mumbai
    expect(stateCodeForPincode("560001")).toBe("29"); // Bengaluru
    expect(stateCodeForPincode("110001")).toBe("07"); // New Delhi
    expect(stateCodeForPincode("403001")).toBe("30"); // Panaji
    expect(stateCodeForPincode("737101")).toBe("11"); // Gangtok
    expect(stateCodeForPincode("834001")).toBe("20"); // Ranchi
    expect(stateCodeForPincode("500001")).toBe("36"); // Hyderabad
    expect(stateCodeForPincode("160062")).toBeNull(); // Mohali or Chandigarh
    expect(stateCodeForPincode("999999")).toBeNull();
    expect(stateCodeForPincode("40001")).toBeNull();
  });
});

describe("AWB from a tracking link", () => {
  it("reads back the number every courier link the dispatch dialog builds carries", () => {
    const cases = [
      ["delhivery", "1610000000001"],
      ["bluedart", "77937279125"],
      ["dtdc", "D12345678"],
      ["ekart", "FMPC0279658213"],
      ["xpressbees", "14123456789012"],
      ["indiapost", "EE123456789IN"],
    ] as const;
    for (const [courier, awb] of cases) {
      const built = trackingUrlFor(courier, awb);
      expect(built.ok && awbFromTrackingUrl(built.url)).toBe(awb);
    }
    expect(awbFromTrackingUrl("https://shiprocket.co/tracking?awb=sr123456789")).toBe("SR123456789");
    expect(awbFromTrackingUrl("https://example.in/where-is-my-parcel")).toBeNull();
    expect(awbFromTrackingUrl("not a url")).toBeNull();
  });
});
