import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Tooling that runs beside the app, never inside it: the embedded PostgreSQL and local stack, the
// migration runner and the TribeMade simulator (the benchmark and chaos harnesses live in scripts/).
// They may import each other and the app's lib/; the app (app/, components/, the domain code in
// lib/) never imports them (docs/code-style.md).
const TOOLING = ["lib/embedded/**", "lib/migrations/**", "lib/tribemade/simulator/**"];
const NO_TOOLING = {
  group: ["@/lib/embedded/**", "@/lib/migrations/**", "@/lib/tribemade/simulator/**"],
  message: "Test and dev tooling stays out of the app; scripts/ and tests/ may use it.",
};
const NO_APP = { group: ["@/app/**"], message: "lib/ and components/ never import app/ (routes and composition only)." };
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
      ...TOOLING,
      "*.config.*",
      "prisma.config.ts",
      "instrumentation.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // Only data-access modules talk to the database; routes and UI never reach tooling.
    files: ["app/**", "components/**"],
    rules: { "no-restricted-imports": ["error", { paths: [NO_DB], patterns: [NO_TOOLING] }] },
  },
  {
    files: ["components/**"],
    rules: { "no-restricted-imports": ["error", { paths: [NO_DB], patterns: [NO_TOOLING, NO_APP] }] },
  },
  {
    files: ["lib/**", "proxy.ts"],
    ignores: TOOLING,
    rules: { "no-restricted-imports": ["error", { patterns: [NO_TOOLING, NO_APP] }] },
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
