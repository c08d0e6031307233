import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { WebhooksTabs } from "./_components/webhooks-tabs";

export default function WebhooksLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Every request TribeMade sends to your webhook URLs: what arrived, what was accepted, and why anything was not."
      />
      <WebhooksTabs />
      <div className="mt-5">{children}</div>
    </>
  );
}
