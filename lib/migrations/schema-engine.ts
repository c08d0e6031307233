// Prisma's schema engine, compiled to WASM, driven by hand.
//
// Why hand-wired: every `prisma migrate …` / `db push` CLI command first downloads the native
// schema engine from Prisma's binary host, which these machines cannot reach, and Prisma 7 removed
// the config switch that used the WASM engine instead. The WASM package is Prisma's own engine, so
// its `diff` output is exactly what `prisma migrate diff --script` prints on a networked machine.
//
// Its ESM entry does `import * as wasm from "./schema_engine_bg.wasm"`, which Node refuses, so we
// load the JS glue (`schema_engine_bg.js`) by file path, instantiate the .wasm with the glue as its
// import object, then call `__wbg_set_wasm` and `__wbindgen_start` — what the entry would have done.
// The package is internal and its glue is tied to its .wasm: keep its version pinned to prisma's.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type * as Glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import { DEFAULT_MIGRATIONS_DIR, readMigrations } from "./read-migrations";
import { ScratchShadowPgFactory } from "./scratch-shadow-pg-factory";

export type SchemaEngineGlue = typeof Glue;
export type SchemaEngine = Glue.SchemaEngine;

let gluePromise: Promise<SchemaEngineGlue> | undefined;

/** The initialised glue module; the .wasm is compiled once per process. */
export function loadSchemaEngineGlue(): Promise<SchemaEngineGlue> {
  gluePromise ??= instantiate();
  return gluePromise;
}

async function instantiate(): Promise<SchemaEngineGlue> {
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = (await import(pathToFileURL(gluePath).href)) as SchemaEngineGlue;
  const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  // The .wasm imports every host function from the module named after its glue file.
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
  });
  installPanicRegistry();
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

// A Rust panic inside the engine hands its message to this global, then traps with a bare
// "unreachable" (or, without the global, "Cannot read properties of undefined"); print it so
// the real cause is on screen.
declare global {
  var PRISMA_WASM_PANIC_REGISTRY: { set_message(message: string): void } | undefined;
}
function installPanicRegistry(): void {
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message) {
      console.error(`Prisma schema engine (wasm) panicked: ${message}`);
    },
  };
}

export type DiffSide = "empty" | "schema" | "migrations";

export type DiffSqlOptions = {
  from: DiffSide;
  to: DiffSide;
  /**
   * Any PostgreSQL server URL. The WASM engine always opens a connection (it reads the server
   * version at start), and diffing from the migrations directory replays them in a scratch
   * "shadow" database it creates on the same server and drops afterwards. Nothing else is touched.
   */
  databaseUrl: string;
  schemaPath?: string;
  migrationsDir?: string;
};

/**
 * The SQL that turns `from` into `to` — what `prisma migrate diff --script` prints.
 * Returns "" when they are already the same.
 */
export async function diffSql(options: DiffSqlOptions): Promise<string> {
  const schemaPath = options.schemaPath ?? path.join("prisma", "schema.prisma");
  const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const target = (side: DiffSide) => diffTarget(side, schemaPath, migrationsDir);
  const [from, to] = await Promise.all([target(options.from), target(options.to)]);
  const { stdout } = await withSchemaEngine(options.databaseUrl, (engine) =>
    engine.diff({ from, to, script: true, exitCode: null, filters: NO_FILTERS }),
  );
  const sql = stdout ?? "";
  // An in-sync diff prints only a comment ("-- This is an empty migration."), never a statement.
  return hasStatements(sql) ? sql : "";
}

const NO_FILTERS: Glue.SchemaFilter = { externalTables: [], externalEnums: [] };

function hasStatements(sql: string): boolean {
  return sql
    .split("\n")
    .map((line) => line.trim())
    .some((line) => line !== "" && !line.startsWith("--"));
}

async function diffTarget(side: DiffSide, schemaPath: string, migrationsDir: string): Promise<Glue.DiffTarget> {
  if (side === "empty") return { tag: "empty" };
  if (side === "schema") return { tag: "schemaDatamodel", files: [await schemaFile(schemaPath)] };
  return { tag: "migrations", ...(await migrationList(migrationsDir)) };
}

async function schemaFile(schemaPath: string): Promise<Glue.SchemaContainer> {
  return { path: schemaPath, content: await readFile(schemaPath, "utf8") };
}

async function migrationList(migrationsDir: string): Promise<Glue.MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const migrations = await readMigrations(baseDir);
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: migrations.map((m) => ({
      path: m.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } },
    })),
  };
}

/** Runs `fn` with a fresh engine on `databaseUrl`, then frees it and closes every pool it opened. */
export async function withSchemaEngine<T>(databaseUrl: string, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const glue = await loadSchemaEngineGlue();
  const factory = new ScratchShadowPgFactory(databaseUrl);
  const log = (line: unknown) => {
    // The engine logs JSON lines at INFO; only its errors are worth surfacing.
    if (typeof line === "string" && line.includes('"level":"ERROR"')) console.error(line);
  };
  const engine = await glue.SchemaEngine.new({ datamodels: undefined }, log, bindMigrationAwareSqlAdapterFactory(factory));
  try {
    return await fn(engine);
  } finally {
    engine.free();
    // The engine does not dispose its adapters; open pools would keep the process alive.
    await factory.disposeAll();
  }
}
