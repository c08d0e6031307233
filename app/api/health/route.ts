// GET /api/health — liveness and database reachability, for load balancers and the start script
import { isDatabaseUp } from "@/lib/health/queries";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

export async function GET() {
  const up = await isDatabaseUp();
  return Response.json(
    { ok: up, db: up ? "up" : "down", version: packageJson.version },
    { status: up ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
