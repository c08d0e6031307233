// npm test's browser step on its own: finds a Chromium for the end-to-end tests, installing one
// when there is none (tests/support/browser.ts), and prints which. Exit 1 with what to run if none.
import { NoBrowserError, ensureBrowser } from "../tests/support/browser";

async function main() {
  const choice = await ensureBrowser({ env: process.env, isRoot: process.getuid?.() === 0, log: (line) => console.log(line) });
  console.log(`e2e browser: ${choice.description}, Chromium ${choice.version}`);
  if (choice.executablePath) console.log(`CHROMIUM_PATH=${choice.executablePath}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof NoBrowserError ? error.message : `Finding a browser failed: ${String(error)}`);
  process.exit(1);
});
