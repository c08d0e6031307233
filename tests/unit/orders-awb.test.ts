import { describe, expect, it } from "vitest";
import { checkTrackingUrl, courierOfUrl, COURIERS, normaliseAwb, trackingUrlFor, type Courier } from "@/lib/orders/awb";
import { parseTrackingList, refMatches } from "@/lib/orders/tracking-list";

const VALID: Record<Courier, [awb: string, url: string]> = {
  delhivery: ["1610000000001", "https://www.delhivery.com/track/package/1610000000001"],
  bluedart: ["77937279125", "https://www.bluedart.com/web/guest/trackdartresultthirdparty?trackFor=0&trackNo=77937279125"],
  dtdc: ["D12345678", "https://www.dtdc.in/tracking/tracking_results.asp?Ttype=awb_no&strCnno=D12345678&TrkType2=awb_no"],
  ekart: ["FMPC0279658213", "https://ekartlogistics.com/shipmenttrack/FMPC0279658213"],
  xpressbees: ["14123456789012", "https://www.xpressbees.com/shipment/tracking?awbNo=14123456789012"],
  indiapost: [
    "EE123456789IN",
    "https://www.indiapost.gov.in/_layouts/15/dop.portal.tracking/trackconsignment.aspx#EE123456789IN",
  ],
};

describe("AWB → tracking URL", () => {
  it.each(COURIERS.map((courier) => [courier]))("%s builds its public tracking page", (courier) => {
    const [awb, url] = VALID[courier];
    expect(trackingUrlFor(courier, awb)).toEqual({ ok: true, url });
    // Every built link is one the dispatch validation accepts and recognises as that courier's.
    expect(checkTrackingUrl(url)).toEqual({ ok: true, url });
    expect(courierOfUrl(url)).toBe(courier);
  });

  it("normalises what people type: spaces, dashes, lower case", () => {
    expect(normaliseAwb(" ee 123-456.789 in ")).toBe("EE123456789IN");
    expect(trackingUrlFor("indiapost", "ee 123 456 789 in")).toEqual({ ok: true, url: VALID.indiapost[1] });
    expect(trackingUrlFor("delhivery", "1610-0000-00001")).toEqual({ ok: true, url: VALID.delhivery[1] });
  });

  it("refuses numbers of the wrong shape with the expected shape", () => {
    expect(trackingUrlFor("delhivery", "")).toEqual({ ok: false, message: "Enter the AWB number." });
    const short = trackingUrlFor("bluedart", "1234");
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.message).toContain("9–11 digit");
    expect(trackingUrlFor("indiapost", "123456789012").ok).toBe(false);
    expect(trackingUrlFor("delhivery", "ABCDEFGHIJ").ok).toBe(false);
    expect(trackingUrlFor("dtdc", "ABCDEFGHIJ").ok).toBe(false); // needs a digit
    expect(trackingUrlFor("ekart", "FMPC0279658213FMPC0279658213").ok).toBe(false);
  });

  it("cannot be made to point anywhere else", () => {
    // A crafted "number" never survives: the pattern allows letters and digits only.
    for (const courier of COURIERS) {
      expect(trackingUrlFor(courier, "../../evil.example/x").ok).toBe(false);
      expect(trackingUrlFor(courier, "1610000000001?x=https://evil.example").ok).toBe(false);
    }
  });
});

describe("tracking link validation", () => {
  it("accepts http(s) links and normalises them", () => {
    expect(checkTrackingUrl(" https://track.example.in/AB123 ")).toEqual({ ok: true, url: "https://track.example.in/AB123" });
    expect(checkTrackingUrl("http://track.example.in")).toEqual({ ok: true, url: "http://track.example.in/" });
  });

  it.each([
    ["", "Enter a tracking link."],
    ["track.example.in/AB123", "Use a full link starting with https://."],
    ["javascript:alert(1)", "Use an http:// or https:// link."],
    ["ftp://files.example.in/x", "Use an http:// or https:// link."],
    ["https://intranet/x", "That link has no real host name."],
    [`https://example.in/${"a".repeat(2_000)}`, "That link is too long."],
  ])("refuses %j", (input, message) => {
    expect(checkTrackingUrl(input)).toEqual({ ok: false, message });
  });

  it("recognises couriers' hosts, subdomains included, and nothing else", () => {
    expect(courierOfUrl("https://track.delhivery.com/p/1")).toBe("delhivery");
    expect(courierOfUrl("https://notdelhivery.com/p/1")).toBeNull();
    expect(courierOfUrl("not a url")).toBeNull();
  });
});

describe("pasted tracking list (bulk dispatch)", () => {
  it("reads short ids with AWBs, links or a courier per line", () => {
    const text = [
      "3f2a9c1e, 1610000000001",
      "8b7d0e44\t77937279125\tBlue Dart",
      "c0ffee12 https://track.example.in/AB123",
      "",
      "# a comment",
      "#d00d0001; ee123456789in; speed post",
    ].join("\n");
    expect(parseTrackingList(text, "delhivery")).toEqual([
      { line: 1, ref: "3f2a9c1e", url: VALID.delhivery[1], courier: "delhivery" },
      { line: 2, ref: "8b7d0e44", url: VALID.bluedart[1], courier: "bluedart" },
      { line: 3, ref: "c0ffee12", url: "https://track.example.in/AB123", courier: null },
      { line: 6, ref: "d00d0001", url: VALID.indiapost[1], courier: "indiapost" },
    ]);
  });

  it("says what is wrong with each bad line", () => {
    const lines = parseTrackingList(
      ["Asha 1610000000001", "3f2a9c1e", "3f2a9c1e 12 Delhivery", "3f2a9c1e 1610000000001 Pigeon"].join("\n"),
      null,
    );
    expect(lines.map((line) => ("error" in line ? line.error : "ok"))).toEqual([
      'Start the line with the order\'s short id (like 3f2a9c1e), not "Asha".',
      "Add the AWB number or tracking link after the order id.",
      "That does not look like a Delhivery AWB: expected a 10–15 digit waybill, like 1610000000001.",
      'Unknown courier "Pigeon".',
    ]);
    expect(parseTrackingList("3f2a9c1e 1610000000001", null)).toEqual([
      { line: 1, ref: "3f2a9c1e", error: "Choose a courier above, or add it after the AWB." },
    ]);
  });

  it("matches a reference as a prefix of TribeMade's order id, dashes and case ignored", () => {
    const id = "3f2a9c1e-77aa-4b2c-9d1e-0123456789ab";
    expect(refMatches("3f2a9c1e", id)).toBe(true);
    expect(refMatches("3F2A9C1E77AA", id)).toBe(true);
    expect(refMatches(id, id)).toBe(true);
    expect(refMatches("3f2a9c1f", id)).toBe(false);
  });
});
