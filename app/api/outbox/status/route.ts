// GET /api/outbox/status — is the store's outbox paused, how many dead letters (the dashboard banner)
import { withMember } from "@/lib/auth/with-member";
import { getOutboxStatus } from "@/lib/outbox/queries";
import { drainSoon } from "@/lib/outbox/wake";

export const GET = withMember(async (_request, { member }) => {
  // Every dashboard page polls this (components/outbox/outbox-banner.tsx): with the dashboard open,
  // due retries and refreshes drain without cron, on any hosting plan (docs/outbox.md, "Triggers").
  drainSoon(member.store.id);
  return Response.json(await getOutboxStatus(member));
});
