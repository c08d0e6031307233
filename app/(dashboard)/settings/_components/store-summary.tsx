import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import type { StoreSettings } from "@/lib/stores/queries";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-[12rem_1fr] sm:gap-4">
      <dt className="text-fg-muted text-sm">{label}</dt>
      <dd className="text-fg min-w-0 text-sm break-words">{children}</dd>
    </div>
  );
}

const notSet = <span className="text-fg-subtle">Not set</span>;

/** The read-only store view staff get. */
export function StoreSummary({ settings }: { settings: StoreSettings }) {
  return (
    <div className="grid gap-4">
      <Alert tone="info">You&apos;re staff at this store. Only owners can change its settings, API key and team.</Alert>
      <Card>
        <CardHeader title="Store" />
        <CardContent className="py-1">
          <dl className="divide-line divide-y">
            <Row label="Store name">{settings.name}</Row>
            <Row label="Your role">Staff</Row>
            <Row label="TribeMade store id">
              {settings.tribemadeStoreId ? <span className="font-mono text-xs">{settings.tribemadeStoreId}</span> : notSet}
            </Row>
            <Row label="TribeMade API key">{settings.apiKeyMasked ? "Connected" : "Not connected"}</Row>
            <Row label="Fulfillment URL">{settings.fulfillmentUrl ?? notSet}</Row>
            <Row label="Raw payloads kept for">{settings.retentionDays} days</Row>
            <Row label="New orders">
              {settings.autoProcessNewOrders ? "Marked processing once TribeMade confirms them" : "Left for you to process"}
            </Row>
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}
