import boundaries from "eslint-plugin-boundaries";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/**
 * The domain map (docs/architecture.md, "Domain map"; tests/unit/domain-map.test.ts keeps the two
 * the same). Layers from the bottom; each names its elements and their folders. A file may import
 * its own element and the elements of lower layers, never a sibling in its layer or anything above.
 * "lib/*" is every file directly in lib/. The outbox sits below the domains it serves and reaches
 * them only through the handlers they register (lib/outbox/registry.ts, lib/wiring/). A new domain
 * gets its place here (and in the docs' table) before its code.
 */
export const DOMAIN_MAP = [
  { core: ["lib/*", "lib/http", "lib/format", "lib/crypto", "lib/query", "lib/perf", "lib/generated"] },
  { auth: ["lib/auth"], tribemade: ["lib/tribemade"], feed: ["lib/feed"], search: ["lib/search"], health: ["lib/health"] },
  // Then one layer each, bottom first, each the folder of its name in lib/.
  ...[
    "outbox",
    "notifications",
    "stores",
    "products",
    "fulfillment",
    "orders",
    "webhooks",
    "customers",
    "documents",
    "wiring",
  ].map((name) => ({ [name]: [`lib/${name}`] })),
  { components: ["components"] },
  { app: ["app"] },
];

// Tooling that runs beside the app, never inside it: the embedded PostgreSQL and local stack, the
// migration runner and the TribeMade simulator (the benchmark and chaos harnesses live in scripts/).
// They may import each other and all of lib/; nothing on the map imports them. scripts/, tests/
// and the root files Next.js loads (instrumentation.ts, proxy.ts) are entry points, off the map.
export const TOOLING = ["lib/embedded", "lib/migrations", "lib/tribemade/simulator"];

const elementTypes = DOMAIN_MAP.flatMap((layer) => Object.keys(layer));
const elements = [
  { type: "tooling", pattern: TOOLING, partialMatch: false },
  ...DOMAIN_MAP.flatMap((layer) =>
    Object.entries(layer).map(([type, folders]) => ({
      type,
      pattern: folders.filter((folder) => folder !== "lib/*"),
      partialMatch: false,
    })),
  ),
  // Last, so every folder above claims its files first: what is left in lib/ is a file directly in it.
  { type: "core", pattern: "lib", partialMatch: false },
];
const anyOf = (types) => ({ to: { element: { types: { anyOf: types } } } });
const policies = [
  ...DOMAIN_MAP.flatMap((layer, index) => {
    const below = DOMAIN_MAP.slice(0, index).flatMap((lower) => Object.keys(lower));
    return Object.keys(layer).map((type) => ({ from: { element: { type } }, allow: anyOf([type, ...below]) }));
  }),
  { from: { element: { type: "tooling" } }, allow: anyOf(["tooling", ...elementTypes]) },
];

const NO_TOOLING = {
  group: ["@/lib/embedded/**", "@/lib/migrations/**", "@/lib/tribemade/simulator/**"],
  message: "Test and dev tooling stays out of the app; scripts/ and tests/ may use it.",
};
const APP_BUT_ROUTES = /^@\/app\/(?!api\/.*\/route$)/;
const NO_APP_IN_TESTS = "Test the logic in lib/; from app/ only route handlers, called the way Next.js calls them.";
const NO_DB = { name: "@/lib/db", message: "Query through lib/<domain>/queries.ts or mutations.ts." };

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: ["lib/generated/**", ".next/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**"] },
  {
    rules: {
      // House rule: configuration is parsed once, in lib/env.ts.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration from lib/env.ts." },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "import/no-cycle": ["error", { ignoreExternal: true }],
      // Per-process state goes through lib/process-singleton.ts, which lists each piece and why.
      "no-restricted-globals": [
        "error",
        { name: "globalThis", message: "Use processSingleton() from lib/process-singleton.ts (one rule, one list)." },
      ],
      // Past 250 lines a file is usually two things; a warning, so it is a question and not a wall.
      "max-lines": ["warn", { max: 250, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Entry points, tests and tooling configure processes; they may read the environment.
    files: [
      "lib/env.ts",
      "scripts/**",
      "prisma/**",
      "tests/**",
      ...TOOLING.map((folder) => `${folder}/**`),
      "*.config.*",
      "prisma.config.ts",
      "instrumentation.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // The one module that touches globalThis; tooling (Prisma's WASM engine wants a global) and tests.
    files: ["lib/process-singleton.ts", "tests/**", ...TOOLING.map((folder) => `${folder}/**`)],
    rules: { "no-restricted-globals": "off" },
  },
  {
    // The domain map: which folder may import which (DOMAIN_MAP above). Packages are not its business.
    files: ["lib/**", "app/**", "components/**"],
    plugins: { boundaries },
    // package.json: the health route reports the app's version.
    settings: { "boundaries/elements": elements, "boundaries/ignore": ["package.json"] },
    rules: {
      "boundaries/dependencies": ["error", { default: "disallow", policies }],
      // A file on the map imports only files on the map (not scripts/, tests/ or root files).
      "boundaries/no-unknown-dependencies": "error",
    },
  },
  {
    // Only data-access modules talk to the database: pages, route handlers and components never do.
    files: ["app/**", "components/**"],
    rules: { "no-restricted-imports": ["error", { paths: [NO_DB] }] },
  },
  {
    // Entry points Next.js loads from the root are off the map; they still never reach tooling.
    files: ["proxy.ts", "instrumentation.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [NO_TOOLING] }] },
  },
  {
    // Tests call route handlers the way Next.js does; everything else they need lives in lib/.
    files: ["tests/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ regex: APP_BUT_ROUTES.source, message: NO_APP_IN_TESTS }],
        },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: `ImportExpression[source.value=${APP_BUT_ROUTES}]`, message: NO_APP_IN_TESTS },
      ],
    },
  },
];

export default config;
