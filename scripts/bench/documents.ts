// The documents benchmark (`npm run bench -- --only=documents`): 500 4×6 shipping labels in one
// PDF through the print route's code (printDocuments: the feed's filter, 50 orders a batch, Noto
// Sans with Devanagari, Code 128 and QR per label), beside pdfkit alone writing 500 one-line pages
// in the same run. Each measured run is a fresh Node process, so its peak RSS is its own. Goal on
// the 2-core machine: under 10 s and 200 MiB.
import { spawn } from "node:child_process";
import { freshSecrets } from "../../lib/embedded/fresh-secrets";
import { makeThrowawayDir } from "../../lib/embedded/throwaway-dir";
import { scratchDatabase } from "./scratch-database";

type Env = Record<string, string | undefined>;
export type DocumentsRun = { ms: number; bytes: number; pages: number; maxRssMiB: number; floorMiB: number };
export type DocumentsResult = { labels: DocumentsRun[]; baseline: DocumentsRun[] };

function worker(root: string, env: Env, mode: string): Promise<DocumentsRun> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/bench/documents-worker.ts"], {
    cwd: root,
    env: { ...env, BENCH_MODE: mode } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let errors = "";
  child.stdout.on("data", (chunk: Buffer) => void (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => void (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      const line = out.split("\n").find((entry) => entry.startsWith("BENCH_RESULT "));
      if (code === 0 && line) resolve(JSON.parse(line.slice("BENCH_RESULT ".length)) as DocumentsRun);
      else reject(new Error(`the documents bench worker (${mode}) failed (${code}):\n${errors.slice(-4_000)}`));
    });
  });
}

export async function runDocumentsBench(options: {
  root: string;
  baseEnv: Env;
  log: (line: string) => void;
  rounds: number;
}): Promise<DocumentsResult> {
  const scratch = await makeThrowawayDir("tribedesk-bench-documents-");
  try {
    const databaseUrl = await scratchDatabase(scratch, "documents", options.log);
    const env: Env = { ...options.baseEnv, DATABASE_URL: databaseUrl, ...freshSecrets(), NODE_OPTIONS: "" };
    await worker(options.root, env, "seed");
    const result: DocumentsResult = { labels: [], baseline: [] };
    for (let round = 0; round < options.rounds; round++) {
      options.log(`documents: round ${round + 1} of ${options.rounds}…`);
      result.baseline.push(await worker(options.root, env, "baseline"));
      result.labels.push(await worker(options.root, env, "labels"));
    }
    return result;
  } finally {
    await scratch.stop();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export function documentsMarkdown(result: DocumentsResult, machine: string): string {
  const summary = (runs: DocumentsRun[]) => ({
    ms: median(runs.map((run) => run.ms)),
    rss: Math.max(...runs.map((run) => run.maxRssMiB)),
    own: Math.max(...runs.map((run) => run.maxRssMiB - run.floorMiB)),
  });
  const labels = summary(result.labels);
  const base = summary(result.baseline);
  const size = median(result.labels.map((run) => run.bytes)) / 2 ** 20;
  const row = (what: string, run: typeof labels) =>
    `| ${what} | ${(run.ms / 1000).toFixed(2)} s | ${run.rss.toFixed(0)} MiB | ${run.own.toFixed(0)} MiB | ${(run.ms / base.ms).toFixed(1)}× |`;
  return [
    "## Documents: 500 shipping labels in one PDF",
    "",
    `${machine}. Median of ${result.labels.length} rounds, each run a fresh Node process. Peak RSS is the process's maximum resident set; "the job's own" is that peak over the RSS read just before the job, after the process's first database query (Node, tsx and Prisma's query compiler, which every process that touches the database pays once, are the floor). Goal: under 10 s and 200 MiB for the job. The PDF is ${size.toFixed(1)} MiB.`,
    "",
    "| what | time | peak RSS | the job's own | time vs baseline |",
    "| --- | --- | --- | --- | --- |",
    row("pdfkit alone: 500 one-line pages, built-in Helvetica (baseline)", base),
    row("500 shipping labels via printDocuments (reads, fonts, barcodes, QR)", labels),
  ].join("\n");
}
