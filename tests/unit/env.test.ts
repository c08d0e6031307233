import { describe, expect, it } from "vitest";

const valid = {
  DATABASE_URL: "postgresql://user:pass@127.0.0.1:5432/db",
  AUTH_SECRET: "a".repeat(40),
  CRON_SECRET: "c".repeat(20),
  ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
};

// lib/env.ts parses process.env on import, so give it a valid one first.
Object.assign(process.env, valid);
const { parseEnv } = await import("@/lib/env");

describe("parseEnv", () => {
  it("accepts a complete configuration and fills defaults", () => {
    const env = parseEnv(valid);
    expect(env.TRIBEMADE_API_BASE_URL).toBe("https://api.tribemade.in");
    expect(env.PORT).toBe(3000);
    expect(env.ENCRYPTION_KEYS_PREVIOUS).toEqual([]);
    expect(env.TRIBEDESK_DEMO).toBe(false);
  });

  it("names every missing secret in one error", () => {
    expect(() => parseEnv({ DATABASE_URL: valid.DATABASE_URL })).toThrowError(
      /AUTH_SECRET[\s\S]*CRON_SECRET[\s\S]*ENCRYPTION_KEY/,
    );
  });

  it.each([
    ["DATABASE_URL", "mysql://x@y/z", /DATABASE_URL: must be a postgres/],
    ["AUTH_SECRET", "short", /AUTH_SECRET: must be at least 32/],
    ["ENCRYPTION_KEY", Buffer.alloc(16).toString("base64"), /ENCRYPTION_KEY: must be 32 random bytes/],
    ["ENCRYPTION_KEYS_PREVIOUS", "not-a-key", /ENCRYPTION_KEYS_PREVIOUS/],
    ["PORT", "99999", /PORT/],
    ["TRIBEMADE_API_BASE_URL", "not a url", /TRIBEMADE_API_BASE_URL/],
    ["DATABASE_PREPARED_STATEMENTS", "sometimes", /DATABASE_PREPARED_STATEMENTS/],
  ])("rejects a bad %s", (name, value, message) => {
    expect(() => parseEnv({ ...valid, [name]: value })).toThrowError(message);
  });

  it("accepts previous encryption keys for rotation", () => {
    const previous = Buffer.alloc(32, 2).toString("base64");
    expect(parseEnv({ ...valid, ENCRYPTION_KEYS_PREVIOUS: ` ${previous} ,` }).ENCRYPTION_KEYS_PREVIOUS).toEqual([previous]);
  });
});
