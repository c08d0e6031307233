// The schema engine's scripts are split here (lib/migrations/engine-pg-adapter.ts), not by PrismaPg,
// which cut function bodies at their first ";".
import { describe, expect, it } from "vitest";
import { splitSqlStatements } from "@/lib/migrations/engine-pg-adapter";

describe("splitSqlStatements", () => {
  it("splits at semicolons outside dollar quotes, strings, identifiers and comments", () => {
    const script = `-- a comment; not a split
CREATE TABLE "a;b" (x text DEFAULT 'it''s; fine');
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO t VALUES (1);
  RETURN NULL;
END $$;
CREATE FUNCTION g() RETURNS int LANGUAGE sql AS $body$ SELECT 1; $body$;
`;
    expect(splitSqlStatements(script)).toEqual([
      `-- a comment; not a split\nCREATE TABLE "a;b" (x text DEFAULT 'it''s; fine')`,
      `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  INSERT INTO t VALUES (1);\n  RETURN NULL;\nEND $$`,
      `CREATE FUNCTION g() RETURNS int LANGUAGE sql AS $body$ SELECT 1; $body$`,
    ]);
  });
});
