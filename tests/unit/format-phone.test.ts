import { describe, expect, it } from "vitest";
import { formatPhone, indianMobile, phoneKey, whatsappLink } from "@/lib/format/phone";

describe("phone numbers", () => {
  it("keys every way of writing one number the same, as the phone index does", () => {
    for (const raw of ["+91 98450 12345", "098450-12345", "9845012345", "91-9845012345", "(+91) 98450.12345"]) {
      expect(phoneKey(raw)).toBe("9845012345");
    }
  });

  it("has no key for too few digits", () => {
    expect(phoneKey("12345")).toBeNull();
    expect(phoneKey("")).toBeNull();
    expect(phoneKey(null)).toBeNull();
  });

  it("links WhatsApp only for mobile numbers, with the text encoded", () => {
    expect(indianMobile("+91 98450 12345")).toBe("919845012345");
    expect(indianMobile("022 2345 6789")).toBeNull();
    expect(whatsappLink("9845012345", "Your order ₹1,299 & more")).toBe(
      "https://wa.me/919845012345?text=Your%20order%20%E2%82%B91%2C299%20%26%20more",
    );
    expect(whatsappLink("0222345678")).toBeNull();
  });

  it("formats a national number for display and leaves anything else as typed", () => {
    expect(formatPhone("09845012345")).toBe("+91 98450 12345");
    expect(formatPhone("ext 12")).toBe("ext 12");
  });
});
