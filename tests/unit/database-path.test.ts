import { describe, expect, it } from "vitest";
import { transactionPoolerShape } from "@/lib/db-url";
import { migrationUrl } from "@/lib/migrations/migration-url";

// A Supabase transaction-pooler URL and nothing else: the app must not prepare named statements
// or LISTEN through it. lib/env.ts parses process.env on import, so set it first.
Object.assign(process.env, {
  DATABASE_URL: "postgresql://app:secret@aws-0-eu-central-1.pooler.supabase.com:6543/postgres",
  AUTH_SECRET: "a".repeat(40),
  CRON_SECRET: "c".repeat(20),
  ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
});
delete process.env.DATABASE_URL_UNPOOLED;
delete process.env.DATABASE_PREPARED_STATEMENTS;
const { databasePath, namedStatementsAllowed, preparedStatementLost } = await import("@/lib/db-path");
const { canListen } = await import("@/lib/pg-listen");

describe("transactionPoolerShape", () => {
  it.each([
    ["postgresql://u:p@db.example.com:5432/app?pgbouncer=true", /pgbouncer=true/],
    ["postgresql://u:p@aws-0-eu-central-1.pooler.supabase.com:6543/postgres", /6543/],
    ["postgres://u:p@ep-cool-darkness-123456-pooler.us-east-2.aws.neon.tech/neondb?sslmode=require", /Neon/],
  ])("recognises %s", (url, reason) => {
    expect(transactionPoolerShape(url)).toMatch(reason);
  });

  it.each([
    "postgresql://u:p@127.0.0.1:5432/app",
    "postgres://u:p@ep-cool-darkness-123456.us-east-2.aws.neon.tech/neondb",
    "postgresql://u:p@aws-0-eu-central-1.pooler.supabase.com:5432/postgres",
    "postgresql://u:p@db.example.com/app?pgbouncer=false",
    "not a url",
  ])("says nothing about %s", (url) => {
    expect(transactionPoolerShape(url)).toBeNull();
  });
});

describe("the database path with only a transaction pooler configured", () => {
  it("uses unnamed statements and no LISTEN from the start", () => {
    expect(databasePath()).toMatchObject({ path: "pooled", preparedStatements: "unnamed", setting: "auto" });
    expect(namedStatementsAllowed()).toBe(false);
    expect(canListen()).toBe(false);
  });

  it("retries only the two lost-statement errors", () => {
    expect(preparedStatementLost(Object.assign(new Error('prepared statement "x" does not exist'), { code: "26000" }))).toBe(
      true,
    );
    expect(preparedStatementLost(Object.assign(new Error('prepared statement "x" already exists'), { code: "42P05" }))).toBe(
      true,
    );
    expect(preparedStatementLost(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(preparedStatementLost(new Error("Connection terminated"))).toBe(false);
  });
});

describe("migrationUrl", () => {
  it("prefers the direct URL and refuses a pooler's", () => {
    const pooled = "postgresql://u:p@h.pooler.supabase.com:6543/postgres";
    const direct = "postgresql://u:p@db.h.supabase.co:5432/postgres";
    expect(migrationUrl({ DATABASE_URL: pooled, DATABASE_URL_UNPOOLED: direct })).toBe(direct);
    expect(migrationUrl({ DATABASE_URL: direct })).toBe(direct);
    expect(() => migrationUrl({ DATABASE_URL: pooled })).toThrowError(/DATABASE_URL_UNPOOLED/);
  });
});
