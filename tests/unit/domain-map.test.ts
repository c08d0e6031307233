// The domain map (docs/architecture.md, "Domain map") is enforced by lint: an import against it fails
// `npm run lint`, and the table in the docs and the map in eslint.config.mjs are the same map.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const config = (await import(path.join(root, "eslint.config.mjs"))) as {
  DOMAIN_MAP: Record<string, string[]>[];
  TOOLING: string[];
};
// The project's own config, running only the map's rules (the others are not this test's business).
const eslint = new ESLint({ cwd: root, ruleFilter: ({ ruleId }) => ruleId.startsWith("boundaries/") });

/** Every message (rule: text) for a file at `file` (it need not exist) holding `source`; a parse error too. */
async function mapErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe("lint enforces the domain map", () => {
  it.each([
    ["the outbox importing a domain it serves", "lib/outbox/probe.ts", 'import "@/lib/orders/mutations";'],
    ["the HTTP helpers importing a domain", "lib/http/probe.ts", 'import "@/lib/auth/require-member";'],
    ["a file in lib/ importing a domain", "lib/probe.ts", 'import "@/lib/feed/notify";'],
    ["a sibling in the same layer", "lib/auth/probe.ts", 'import "@/lib/tribemade/key-check";'],
    ["orders importing a layer above it", "lib/orders/probe.ts", 'import "@/lib/webhooks/queries";'],
    ["notifications importing a domain that calls it", "lib/notifications/probe.ts", 'import "@/lib/orders/queries";'],
    ["a dynamic import going up", "lib/stores/probe.ts", 'void import("@/lib/orders/queries");'],
    ["a type import going up", "lib/outbox/probe.ts", 'import type { Member } from "@/lib/stores/queries";'],
    ["a domain importing tooling", "lib/orders/probe.ts", 'import "@/lib/embedded/postgres";'],
    ["a component importing a route", "components/probe.tsx", 'import "@/app/api/orders/route";'],
    ["lib importing a script", "lib/orders/probe.ts", 'import "../../scripts/serve";'],
  ])("fails %s", async (_name, file, source) => {
    const errors = await mapErrors(file, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^boundaries\//);
  });

  it.each([
    ["a domain importing the outbox", "lib/orders/probe.ts", 'import "@/lib/outbox/wake";'],
    ["a domain importing one below it", "lib/webhooks/probe.ts", 'import "@/lib/orders/outbox/messages";'],
    ["the top domain importing the ones below it", "lib/documents/probe.ts", 'import "@/lib/orders/queries";'],
    ["the wiring importing the domains", "lib/wiring/probe.ts", 'void import("@/lib/orders/outbox/handlers");'],
    ["tooling importing the app's lib", "lib/embedded/probe.ts", 'import "@/lib/webhooks/queries";'],
    [
      "a page importing any domain and a component",
      "app/probe.tsx",
      'import "@/lib/webhooks/queries";\nimport "@/components/feed/feed-body";',
    ],
  ])("passes %s", async (_name, file, source) => {
    expect(await mapErrors(file, source)).toEqual([]);
  });
});

describe("docs/architecture.md draws the same map", () => {
  const docs = readFileSync(path.join(root, "docs/architecture.md"), "utf8");
  const section = docs.slice(docs.indexOf("## Domain map"), docs.indexOf("\n## ", docs.indexOf("## Domain map") + 1));
  const rows = section
    .split("\n")
    .filter((line) => /^\| \d+ \|/.test(line))
    .map((line) => {
      const [layer, element, folders] = line
        .split("|")
        .slice(1, 4)
        .map((cell) => cell.trim());
      const named = [...(folders ?? "").matchAll(/`([^`]+)`/g)].map((match) => match[1]!.replace(/\/$/, ""));
      return { layer: Number(layer), element, folders: named.sort() };
    });

  it("has one row per element, in the lint config's layers, with the same folders", () => {
    const expected = config.DOMAIN_MAP.flatMap((layer, index) =>
      Object.entries(layer).map(([element, folders]) => ({ layer: index + 1, element, folders: [...folders].sort() })),
    );
    const byElement = (a: { element?: string }, b: { element?: string }) => (a.element ?? "").localeCompare(b.element ?? "");
    expect([...rows].sort(byElement)).toEqual(expected.sort(byElement));
  });

  it("puts every folder of lib/ on the map or among the tooling", () => {
    const placed = new Set([...config.DOMAIN_MAP.flatMap((layer) => Object.values(layer).flat()), ...config.TOOLING]);
    const folders = readdirSync(path.join(root, "lib"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `lib/${entry.name}`);
    expect(folders.filter((folder) => !placed.has(folder))).toEqual([]);
  });
});
