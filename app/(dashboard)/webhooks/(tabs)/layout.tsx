import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { RefusedDeliveriesBanner } from "@/components/webhooks/refused-deliveries-banner";
import { requireMemberPage } from "@/lib/auth/page-guard";
import { WebhooksTabs } from "./_components/webhooks-tabs";

export default async function WebhooksLayout({ children }: { children: ReactNode }) {
  const member = await requireMemberPage("/webhooks");
  return (
    <>
      <RefusedDeliveriesBanner member={member} />
      <PageHeader
        title="Webhooks"
        description="Every request TribeMade sends to your webhook URLs: what arrived, what was accepted, and why anything was not."
      />
      <WebhooksTabs />
      <div className="mt-5">{children}</div>
    </>
  );
}
