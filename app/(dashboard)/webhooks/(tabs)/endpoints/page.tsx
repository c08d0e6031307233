import type { Metadata } from "next";
import { requireMemberPage } from "@/lib/auth/page-guard";
import { listEndpoints } from "@/lib/webhooks/queries";
import { EndpointsView } from "./_components/endpoints-view";

export const metadata: Metadata = { title: "Webhook endpoints" };

export default async function EndpointsPage() {
  const member = await requireMemberPage("/webhooks/endpoints");
  const endpoints = await listEndpoints(member);
  return <EndpointsView key={member.store.id} endpoints={endpoints} isOwner={member.role === "owner"} />;
}
