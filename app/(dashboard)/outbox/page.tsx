import type { Metadata } from "next";
import { SendIcon } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Outbox" };

export default function OutboxPage() {
  return (
    <>
      <PageHeader title="Outbox" description="Calls waiting to reach TribeMade, within its rate limits." />
      <EmptyState
        icon={<SendIcon />}
        title="Nothing queued"
        description="Pending, running and failed calls to TribeMade will be here, with attempts, the next retry and the last error, and buttons to retry or drain now."
      />
    </>
  );
}
