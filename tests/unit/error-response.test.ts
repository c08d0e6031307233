import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db-errors";

function withCode(code: string, cause?: unknown) {
  return Object.assign(new Error("failed", { cause }), { code });
}

describe("isDatabaseUnavailable", () => {
  it.each(["ECONNREFUSED", "57P01", "53300", "P1001", "P2024"])("recognises %s", (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(true);
  });

  it("looks through causes", () => {
    expect(isDatabaseUnavailable(new Error("outer", { cause: withCode("ECONNREFUSED") }))).toBe(true);
  });

  it("leaves other errors alone", () => {
    expect(isDatabaseUnavailable(withCode("P2002"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable("not an error")).toBe(false);
  });
});
