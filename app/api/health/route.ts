// GET /api/health — liveness, database reachability and the path to it, for load balancers and the start script
import { databasePath } from "@/lib/db-path";
import { isDatabaseUp } from "@/lib/health/queries";
import { canListen } from "@/lib/pg-listen";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

export async function GET() {
  const up = await isDatabaseUp();
  const { path, preparedStatements } = databasePath();
  return Response.json(
    {
      ok: up,
      db: up ? "up" : "down",
      version: packageJson.version,
      // How PostgreSQL is reached (docs/database-path.md): through a transaction pooler or not,
      // whether hot paths use named prepared statements, whether LISTEN can reach this instance.
      database: { path, preparedStatements, listen: canListen() },
    },
    { status: up ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
