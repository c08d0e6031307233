// GET /api/orders/export — the current filter's orders as a CSV download, streamed in batches
import { withMember } from "@/lib/auth/with-member";
import { istDay } from "@/lib/orders/ist-days";
import { exportOrdersCsv } from "@/lib/orders/export";
import { orderFiltersSchema } from "@/lib/orders/schemas";

export const runtime = "nodejs";
// A large store's export can take a while; the default limit on Vercel is 300 s.
export const maxDuration = 300;

export const GET = withMember(async (request, { member }) => {
  const filters = orderFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const filename = `orders-${istDay(new Date())}.csv`;
  return new Response(exportOrdersCsv(member, filters), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
    },
  });
});
