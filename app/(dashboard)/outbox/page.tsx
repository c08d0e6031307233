import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { OutboxIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Outbox" };

export default function OutboxPage() {
  return (
    <>
      <PageHeader title="Outbox" description="Calls waiting to reach TribeMade, within its rate limits." />
      <EmptyState
        icon={<OutboxIcon />}
        title="Nothing queued"
        description="Pending, running and failed calls to TribeMade will be here, with attempts, the next retry and the last error, and buttons to retry or drain now."
      />
    </>
  );
}
