import { describe, expect, it } from "vitest";
import { csvCell, csvRow, formatIstCsv, UTF8_BOM } from "@/lib/orders/csv";

describe("csvCell", () => {
  it("neutralises formulas: text starting with = + - @ (or tab / CR) gets a leading quote", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell("+91 98450 12345")).toBe("'+91 98450 12345");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1:A2)")).toBe("'@SUM(A1:A2)");
    expect(csvCell("\t=1+1")).toBe(`"'\t'=1+1"`);
    expect(csvCell("\r=1+1")).toBe(`"'\r'=1+1"`);
  });

  it("quotes cells with ; or tabs, and neutralises formulas after a separator (Excel lists with ; in many locales)", () => {
    expect(csvCell("Ravi;=cmd|' /C calc'!A0")).toBe(`"Ravi;'=cmd|' /C calc'!A0"`);
    expect(csvCell("Ravi\t+1+1")).toBe(`"Ravi\t'+1+1"`);
    expect(csvCell("Ravi, =HYPERLINK(1)")).toBe(`"Ravi, '=HYPERLINK(1)"`);
    expect(csvCell("Ravi\n@SUM(A1)")).toBe(`"Ravi\n'@SUM(A1)"`);
    expect(csvCell("Flat 4; MG Road")).toBe(`"Flat 4; MG Road"`);
    expect(csvCell("a\tb")).toBe(`"a\tb"`);
    // A line that splits on ; into cells none of which is a formula.
    for (const cell of csvCell("x;-2+3;@A1;=1").slice(1, -1).split(";")) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it("leaves ordinary text alone and quotes only what needs it", () => {
    expect(csvCell("Kavya Iyer")).toBe("Kavya Iyer");
    expect(csvCell("a = b")).toBe("a = b");
    expect(csvCell("12, MG Road, Mumbai")).toBe(`"12, MG Road, Mumbai"`);
    expect(csvCell('Say "hi"')).toBe(`"Say ""hi"""`);
    expect(csvCell("line one\nline two")).toBe(`"line one\nline two"`);
    expect(csvCell(" padded")).toBe(`" padded"`);
    expect(csvCell("ग्राहक — 🙂")).toBe("ग्राहक — 🙂");
  });

  it("writes numbers bare, including amounts given as decimal strings", () => {
    expect(csvCell(3)).toBe("3");
    expect(csvCell({ number: "2048.00" })).toBe("2048.00");
    expect(csvCell({ number: "125000.50" })).toBe("125000.50");
    // Not a number after all: treated as text, so it cannot smuggle a formula.
    expect(csvCell({ number: "=1+1" })).toBe("'=1+1");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("writes null and undefined as empty cells", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });
});

describe("csvRow", () => {
  it("joins cells with commas and ends with CRLF", () => {
    expect(csvRow(["a", 1, null, { number: "9.50" }, "=x"])).toBe("a,1,,9.50,'=x\r\n");
  });

  it("the BOM is U+FEFF (EF BB BF in UTF-8)", () => {
    expect([...new TextEncoder().encode(UTF8_BOM)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe("formatIstCsv", () => {
  it("writes the instant in IST (UTC+05:30) as YYYY-MM-DD HH:mm:ss", () => {
    expect(formatIstCsv("2026-11-28T08:33:22.123Z")).toBe("2026-11-28 14:03:22");
    expect(formatIstCsv(new Date("2026-11-28T20:00:00Z"))).toBe("2026-11-29 01:30:00");
    expect(formatIstCsv("2026-12-31T18:29:59Z")).toBe("2026-12-31 23:59:59");
    expect(formatIstCsv("2026-12-31T18:30:00Z")).toBe("2027-01-01 00:00:00");
  });

  it("writes nothing for a missing or invalid time", () => {
    expect(formatIstCsv(null)).toBe("");
    expect(formatIstCsv("not a date")).toBe("");
  });
});
