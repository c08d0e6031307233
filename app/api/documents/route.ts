// POST /api/documents — labels, packing slips or invoices for one order or up to 500, as one streamed PDF
import { printDocuments } from "@/lib/documents/print";
import { printRequestSchema } from "@/lib/documents/schemas";
import { withMember } from "@/lib/auth/with-member";
import { assertSameOrigin } from "@/lib/http/same-origin";

export const runtime = "nodejs";
// 500 pages take a few seconds (docs/benchmarks.md); a slow download keeps the stream open longer.
export const maxDuration = 300;

export const POST = withMember(async (request, { member }) => {
  await assertSameOrigin(request);
  const input = printRequestSchema.parse(await request.json().catch(() => null));
  const job = await printDocuments(member, input);
  return new Response(job.stream, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${job.filename}"`,
      "X-Document-Count": String(job.count),
    },
  });
});
