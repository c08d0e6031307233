import { describe, expect, it } from "vitest";
import { ordinal, repeatBadgeText } from "@/lib/customers/badge";
import { phoneKey } from "@/lib/format/phone";

describe("the repeat-buyer badge", () => {
  it("writes English ordinals, teens included", () => {
    const cases: Array<[number, string]> = [
      [1, "1st"],
      [2, "2nd"],
      [3, "3rd"],
      [4, "4th"],
      [11, "11th"],
      [12, "12th"],
      [13, "13th"],
      [21, "21st"],
      [22, "22nd"],
      [23, "23rd"],
      [101, "101st"],
      [111, "111th"],
      [112, "112th"],
    ];
    for (const [n, text] of cases) expect(ordinal(n)).toBe(text);
  });

  it("says nothing for a first order or an order not yet joined", () => {
    expect(repeatBadgeText(1)).toBeNull();
    expect(repeatBadgeText(null)).toBeNull();
    expect(repeatBadgeText(undefined)).toBeNull();
    expect(repeatBadgeText(4)).toBe("repeat buyer · 4th order");
    expect(repeatBadgeText(2)).toBe("repeat buyer · 2nd order");
  });

  it("keys customers by the phone key the join computes (the last 10 digits)", () => {
    // lib/customers/join-sql.ts: 'p:' || right(digits, 10) when there are at least 10 digits.
    for (const raw of ["+91 98450 12345", "098450-12345", "9845012345", "919845012345"]) {
      expect(phoneKey(raw)).toBe("9845012345");
    }
    expect(phoneKey("12345")).toBeNull();
  });
});
