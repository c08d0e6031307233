// POST /api/orders/sync-states — status and sync of up to 1,000 of the store's orders (bulk progress)
import { withMember } from "@/lib/auth/with-member";
import { readJson } from "@/lib/http/read-json";
import { readSyncStates } from "@/lib/orders/status-queries";
import { syncStatesQuerySchema } from "@/lib/orders/status-schemas";

export const runtime = "nodejs";

// POST because a bulk action's id list does not fit in a URL; it reads, it never writes.
export const POST = withMember(async (request, { member }) => {
  const { ids } = syncStatesQuerySchema.parse(await readJson(request));
  return Response.json({ orders: await readSyncStates(member, ids) });
});
