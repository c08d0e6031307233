import type { Metadata } from "next";
import { PackageIcon, WebhookIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Orders" };

export default function OrdersPage() {
  return (
    <>
      <PageHeader title="Orders" description="Every paid order from TribeMade, live as it arrives." />
      <EmptyState
        icon={<PackageIcon />}
        title="No orders yet"
        description="The live order feed will be here: new orders appear within seconds of payment, with filters, search and bulk status changes that sync back to TribeMade."
        action={
          <Button href="/webhooks" variant="secondary" leadingIcon={<WebhookIcon />}>
            Connect a webhook
          </Button>
        }
      />
    </>
  );
}
