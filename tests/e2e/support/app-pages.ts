// Every page the app serves, found on disk (app/**/page.tsx), so a new page is covered by the
// page-wide end-to-end checks (CSP, tenant isolation) without anyone remembering to list it.
import { readdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../../..");

export type AppPage = {
  /** "/webhooks/deliveries/[id]" (route groups dropped). */
  pattern: string;
  /** Under app/(dashboard) or /onboarding: needs a signed-in member. */
  dashboard: boolean;
};

function walk(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith("_")) found.push(...walk(full));
    else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) found.push(path.relative(root, full).split(path.sep).join("/"));
  }
  return found;
}

export function appPages(): AppPage[] {
  return walk(path.join(root, "app"))
    .map((file) => {
      const segments = file.split("/").slice(1, -1);
      const pattern = `/${segments.filter((segment) => !/^\(.*\)$/.test(segment)).join("/")}`;
      return { pattern, dashboard: segments[0] === "(dashboard)" || segments[0] === "onboarding" };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** Fills [param] segments; throws naming the page when a value is missing (add it to the caller's table). */
export function concretePath(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/\[([^\]]+)\]/g, (_match, name: string) => {
    const value = params[`${pattern}:${name}`] ?? params[name];
    if (value === undefined) throw new Error(`No value for [${name}] of ${pattern}: add one to this test's params`);
    return encodeURIComponent(value);
  });
}
