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

describe("the public origin (APP_URL)", () => {
  it("is required in production, so links and cookie security never follow the Host header", () => {
    expect(() => parseEnv({ ...valid, NODE_ENV: "production" })).toThrowError(/APP_URL: required in production/);
    expect(parseEnv({ ...valid, NODE_ENV: "production", APP_URL: "https://desk.example.in/" }).APP_URL).toBe(
      "https://desk.example.in",
    );
  });

  it("is optional in development (links then use the request's host)", () => {
    expect(parseEnv(valid).APP_URL).toBeUndefined();
  });

  it("must be an http(s) origin, without a path", () => {
    expect(() => parseEnv({ ...valid, APP_URL: "ftp://desk.example.in" })).toThrowError(/APP_URL/);
    expect(() => parseEnv({ ...valid, APP_URL: "https://desk.example.in/app" })).toThrowError(/APP_URL: must be an origin/);
  });

  it("on Vercel, defaults to the production domain, or the deployment's own URL on previews", () => {
    const vercel = { ...valid, NODE_ENV: "production", VERCEL: "1" };
    expect(
      parseEnv({
        ...vercel,
        VERCEL_ENV: "production",
        VERCEL_PROJECT_PRODUCTION_URL: "desk.example.in",
        VERCEL_URL: "x-1.vercel.app",
      }).APP_URL,
    ).toBe("https://desk.example.in");
    expect(parseEnv({ ...vercel, VERCEL_ENV: "preview", VERCEL_URL: "tribedesk-git-x.vercel.app" }).APP_URL).toBe(
      "https://tribedesk-git-x.vercel.app",
    );
    expect(parseEnv({ ...vercel, APP_URL: "https://mine.example.in", VERCEL_URL: "x.vercel.app" }).APP_URL).toBe(
      "https://mine.example.in",
    );
  });
});
