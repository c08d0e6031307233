// GET /api/outbox/status — is the store's outbox paused, how many dead letters (the dashboard banner)
import { withMember } from "@/lib/http/with-member";
import { getOutboxStatus } from "@/lib/outbox/queries";

export const GET = withMember(async (_request, { member }) => Response.json(await getOutboxStatus(member)));
