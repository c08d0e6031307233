// Prisma CLI configuration. The app itself reads DATABASE_URL through lib/env.ts; this file
// only serves the CLI (generate offline; migrate deploy on a networked machine).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/tribedesk" },
});
