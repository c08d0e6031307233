import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { WebhookIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Webhooks" };

export default function WebhooksPage() {
  return (
    <>
      <PageHeader title="Webhooks" description="Where TribeMade sends your orders, and everything it has sent." />
      <EmptyState
        icon={<WebhookIcon />}
        title="No webhook endpoints yet"
        description="Your webhook URLs will be here: create one to paste into TribeMade, then inspect every delivery (accepted, duplicate or rejected) with its raw body and headers."
      />
    </>
  );
}
