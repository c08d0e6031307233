// The one formatting module (lib/format): IST whatever the machine's time zone, Indian digit
// grouping, and the exact strings the pages have always shown.
import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatFull,
  formatHour,
  formatMedium,
  formatRelative,
  formatStamp,
} from "@/lib/format/dates";
import { shortId } from "@/lib/format/ids";
import { formatBytes, formatCount, formatMoney, formatMs } from "@/lib/format/numbers";
import { reasonLabel, reasonStatus } from "@/lib/webhooks/reasons";

// 08:33:22 UTC is 14:03:22 in India (UTC+05:30).
const at = new Date("2026-11-28T08:33:22Z");

describe("dates, in IST", () => {
  it("prints each format the pages use", () => {
    expect(formatStamp(at)).toBe("28 Nov, 14:03:22");
    expect(formatFull(at.toISOString())).toBe("28 Nov 2026, 14:03:22 IST");
    expect(formatHour(at)).toBe("14:03");
    expect(formatDate(at)).toBe("28 Nov 2026");
    expect(formatDateTime(at)).toBe("28 Nov 2026, 02:03 pm");
    expect(formatMedium(at)).toBe("28 Nov 2026, 2:03:22 pm");
  });

  it("crosses midnight in IST, not UTC", () => {
    expect(formatDate(new Date("2026-11-28T19:00:00Z"))).toBe("29 Nov 2026");
  });

  it("says how long ago, then falls back to a date", () => {
    const now = at.getTime();
    const ago = (ms: number) => formatRelative(new Date(now - ms), now);
    expect([ago(5_000), ago(45_000), ago(12 * 60_000), ago(3 * 3_600_000), ago(2 * 86_400_000)]).toEqual([
      "just now",
      "45s ago",
      "12m ago",
      "3h ago",
      "2d ago",
    ]);
    expect(ago(20 * 86_400_000)).toBe("8 Nov");
    expect(ago(400 * 86_400_000)).toBe("24 Oct 2025");
    expect(formatRelative(new Date(now + 5 * 60_000), now)).toBe("28 Nov 2026, 2:08:22 pm");
  });
});

describe("numbers, grouped the Indian way", () => {
  it("prints counts and rupees", () => {
    expect([formatCount(999), formatCount(125_000), formatCount(12_345_678)]).toEqual(["999", "1,25,000", "1,23,45,678"]);
    expect([formatMoney(1299), formatMoney("125000.5"), formatMoney(""), formatMoney("abc")]).toEqual([
      "₹1,299.00",
      "₹1,25,000.50",
      "—",
      "—",
    ]);
    // A Decimal's string is formatted exactly, with no float round-trip.
    expect(formatMoney("12345678901234567.89")).toBe("₹12,34,56,78,90,12,34,567.89");
  });

  it("prints sizes and durations for people", () => {
    expect([formatBytes(512), formatBytes(1536), formatBytes(300 * 1024), formatBytes(3 * 1024 * 1024)]).toEqual([
      "512 B",
      "1.5 KB",
      "300 KB",
      "3.0 MB",
    ]);
    expect([formatMs(0.84), formatMs(12.4), formatMs(1234), formatMs(null)]).toEqual(["0.84 ms", "12 ms", "1.2 s", "—"]);
  });
});

describe("ids and rejection reasons", () => {
  it("shortens ids and names reasons with the status the sender got", () => {
    expect([shortId("7c9e6679-7425-40de-944b-e07fc1f90ae7"), shortId(null)]).toEqual(["7c9e6679", "—"]);
    expect([reasonLabel("invalid_json"), reasonLabel("store_mismatch")]).toEqual(["Invalid JSON", "Store mismatch"]);
    expect([reasonStatus("store_mismatch"), reasonStatus("payload_too_large"), reasonStatus("not_a_reason")]).toEqual([
      403,
      413,
      null,
    ]);
    // A delivery that could not be stored was answered 503 so that TribeMade retries it.
    expect(reasonStatus("internal_error")).toBe(503);
  });
});
