// A PrismaPg driver adapter the WASM schema engine can introspect through.
//
// The engine's catalog queries return Postgres's internal one-byte `"char"` type
// (pg_constraint.contype, pg_class.relkind, …) and read it as a Rust `char`. PrismaPg has no
// mapping for that type (OID 18) and fails the whole query ("Column type 'char' could not be
// deserialized from the database"), which is why `schemaPush`/introspection fail out of the box.
// Here the pg client reports those columns as text (the values are one-letter strings either
// way) and the adapter's result then labels them `Character`, which is what the engine expects.
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, type SqlDriverAdapter, type SqlQueryable } from "@prisma/driver-adapter-utils";
import pg from "pg";

// pg_type.oid of `"char"` and `text`.
const CHAR_OID = 18;
const TEXT_OID = 25;

// Which columns of a result were `"char"`, keyed by its rows array: PrismaPg passes pg's rows
// array through to its result unchanged, so this links the two without touching PrismaPg's code.
const charColumnsByRows = new WeakMap<object, number[]>();

class CharAsTextClient extends pg.Client {
  // pg's query() has many overloads. PrismaPg calls the pool's promise form, and pg-pool turns
  // that into the client's callback form; transactions call the client's promise form.
  override query(...args: unknown[]): never {
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (error: unknown, res: pg.QueryResult | undefined) =>
        callback(error, res && relabelCharColumns(res));
    }
    const result = (super.query as (...a: unknown[]) => unknown).apply(this, args);
    return (result instanceof Promise ? result.then(relabelCharColumns) : result) as never;
  }
}

function relabelCharColumns(res: pg.QueryResult): pg.QueryResult {
  const charColumns: number[] = [];
  (res.fields ?? []).forEach((field, index) => {
    if (field.dataTypeID !== CHAR_OID) return;
    field.dataTypeID = TEXT_OID;
    charColumns.push(index);
  });
  if (charColumns.length > 0 && Array.isArray(res.rows)) charColumnsByRows.set(res.rows, charColumns);
  return res;
}

/** Connects to `databaseUrl`; dispose() closes the pool. */
export async function connectEngineAdapter(databaseUrl: string): Promise<SqlDriverAdapter> {
  // Small pool: the engine runs its statements one after another.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, Client: CharAsTextClient });
  const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
  labelCharColumns(adapter);
  // PrismaPg splits a script at every ";", which cuts a function body (`$$ … ; … $$`) in pieces;
  // migration 20261207120000_product_sales has three.
  adapter.executeScript = async (script) => {
    for (const statement of splitSqlStatements(script)) await adapter.executeRaw({ sql: statement, args: [], argTypes: [] });
  };
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => labelCharColumns(await startTransaction(isolationLevel));
  return adapter;
}

function labelCharColumns<Q extends SqlQueryable>(queryable: Q): Q {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumnsByRows.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

/** A script's statements: split at ";" outside quotes, identifiers, comments and dollar-quoted bodies. */
export function splitSqlStatements(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let index = 0;
  while (index < script.length) {
    const rest = script.slice(index);
    const dollar = /^\$[A-Za-z_]*\$/.exec(rest);
    if (dollar) {
      const end = script.indexOf(dollar[0], index + dollar[0].length);
      index = end < 0 ? script.length : end + dollar[0].length;
    } else if (rest.startsWith("--")) {
      const end = script.indexOf("\n", index);
      index = end < 0 ? script.length : end + 1;
    } else if (script[index] === "'" || script[index] === '"') {
      const end = script.indexOf(script[index]!, index + 1);
      index = end < 0 ? script.length : end + 1;
    } else if (script[index] === ";") {
      statements.push(script.slice(start, index));
      start = ++index;
    } else index++;
  }
  statements.push(script.slice(start));
  return statements.map((statement) => statement.trim()).filter((statement) => statement.length > 0);
}
