// The products benchmarks (`npm run bench -- --only=products`, issue 23), each in a measuring
// process of its own (they load server-only modules: tsx with the react-server condition):
//   list:  /products at 10,000 products and 100,000 orders, every sort, filter and a search, beside
//          the plain first page of the products table (scripts/bench/products-list.ts).
//   pace:  N stock edits through the outbox at TribeMade's real 20 edits a minute, against the
//          simulator in its own process (scripts/bench/products-pace-worker.ts): 100 edits (about
//          5 minutes), 25 with --quick (about 1 minute).
import path from "node:path";
import { freshSecrets } from "../../lib/embedded/fresh-secrets";
import { startEmbeddedPostgres } from "../../lib/embedded/postgres";
import { makeThrowawayDir } from "../../lib/embedded/throwaway-dir";
import { applyMigrations } from "../../lib/migrations/apply";
import { runWorker, startSimulatorProcess } from "./outbox";
import type { ProductsListResult } from "./products-list";

export type StockPaceResult = {
  edits: number;
  elapsedMs: number;
  firstToLastMs: number;
  sent: number;
  rateLimited: number;
  reads: number;
  correct: number;
};

type Env = Record<string, string | undefined>;

export async function runProductsBench(options: {
  root: string;
  baseEnv: Env;
  log: (line: string) => void;
  quick: boolean;
}): Promise<{ list: ProductsListResult; pace: StockPaceResult }> {
  const { root, log, quick } = options;
  const env: Env = { ...options.baseEnv, NODE_OPTIONS: "" };
  log(`products: the list at 10,000 products (${quick ? 10 : 40} rounds)…`);
  const list = await runWorker<ProductsListResult>(
    root,
    { ...env, BENCH_ROUNDS: quick ? "10" : "40" },
    "scripts/bench/products-list.ts",
  );
  const edits = quick ? 25 : 100;
  log(`products: ${edits} stock edits at TribeMade's real 20 per minute (about ${quick ? 1 : 5} min)…`);
  const scratch = await makeThrowawayDir("tribedesk-bench-products-pace-");
  try {
    const postgres = await startEmbeddedPostgres({ dataDir: path.join(scratch.dir, "data"), persistent: false });
    scratch.onStop(() => postgres.stop());
    await applyMigrations(postgres.url);
    const simulator = await startSimulatorProcess(root, []);
    scratch.onStop(simulator.stop);
    const pace = await runWorker<StockPaceResult>(
      root,
      {
        ...env,
        ...freshSecrets(),
        DATABASE_URL: postgres.url,
        TRIBEMADE_API_BASE_URL: simulator.url,
        BENCH_EDITS: String(edits),
      },
      "scripts/bench/products-pace-worker.ts",
    );
    return { list, pace };
  } finally {
    await scratch.stop();
  }
}
