import { describe, expect, it } from "vitest";
import { addDays, filterRange, istDay, istDayStart } from "@/lib/orders/ist-days";

describe("IST calendar days", () => {
  it("a day starts at 00:00 IST, 18:30 UTC the day before", () => {
    expect(istDayStart("2026-11-28").toISOString()).toBe("2026-11-27T18:30:00.000Z");
    expect(istDay(new Date("2026-11-27T18:29:59.999Z"))).toBe("2026-11-27");
    expect(istDay(new Date("2026-11-27T18:30:00.000Z"))).toBe("2026-11-28");
  });

  it("adds days across month and year ends", () => {
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
  });
});

describe("filterRange", () => {
  // 02:00 IST on 1 Dec: still 30 Nov in UTC, so a UTC "today" would be wrong.
  const now = new Date("2026-11-30T20:30:00Z");

  it("presets count IST days back from today", () => {
    expect(filterRange({ range: "today" }, now)).toEqual({ from: new Date("2026-11-30T18:30:00Z"), to: null });
    expect(filterRange({ range: "yesterday" }, now)).toEqual({
      from: new Date("2026-11-29T18:30:00Z"),
      to: new Date("2026-11-30T18:30:00Z"),
    });
    expect(filterRange({ range: "7d" }, now)?.from).toEqual(new Date("2026-11-24T18:30:00Z"));
    expect(filterRange({ range: "30d" }, now)?.from).toEqual(new Date("2026-11-01T18:30:00Z"));
  });

  it("from/to are inclusive IST days and win over a preset", () => {
    expect(filterRange({ range: "today", from: "2026-11-01", to: "2026-11-02" }, now)).toEqual({
      from: new Date("2026-10-31T18:30:00Z"),
      to: new Date("2026-11-02T18:30:00Z"),
    });
    expect(filterRange({ to: "2026-11-02" }, now)).toEqual({ from: null, to: new Date("2026-11-02T18:30:00Z") });
  });

  it("no range is any time", () => {
    expect(filterRange({}, now)).toBeNull();
  });
});
