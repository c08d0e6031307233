import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: ["lib/generated/**", ".next/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**"] },
  {
    rules: {
      // House style 7: configuration is parsed once, in lib/env.ts.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration from lib/env.ts." },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Entry points, tests and tooling configure processes; they may read the environment.
    files: [
      "lib/env.ts",
      "scripts/**",
      "prisma/**",
      "tests/**",
      "lib/embedded/**",
      "lib/migrations/**",
      "lib/tribemade/simulator/**",
      "*.config.*",
      "prisma.config.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // House style 8: only data-access modules talk to the database.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@/lib/db", message: "Query through lib/<domain>/queries.ts or mutations.ts." }] },
      ],
    },
  },
];

export default config;
