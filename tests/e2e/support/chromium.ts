import { existsSync } from "node:fs";

/**
 * Debian's Chromium where present (Playwright's own browser download is unreachable on the
 * project's machines), an explicit CHROMIUM_PATH if given, else Playwright's managed browser.
 */
export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)));
}
