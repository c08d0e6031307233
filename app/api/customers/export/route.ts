// GET /api/customers/export — the customers list (search, sort) as a CSV download, streamed in batches
import { withMember } from "@/lib/auth/with-member";
import { exportCustomersCsv } from "@/lib/customers/export";
import { customerFiltersSchema } from "@/lib/customers/schemas";
import { istDay } from "@/lib/orders/ist-days";

export const runtime = "nodejs";
export const maxDuration = 300;

export const GET = withMember(async (request, { member }) => {
  const filters = customerFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return new Response(exportCustomersCsv(member, filters), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="customers-${istDay(new Date())}.csv"`,
    },
  });
});
