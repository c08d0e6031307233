import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { StoreIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Settings" };

// The settings layout draws the page header and section tabs; this is the "Store" section.
export default function SettingsPage() {
  return (
    <EmptyState
      icon={<StoreIcon />}
      title="Store settings are on their way"
      description="Your store's name, its TribeMade store id, the fulfillment URL that orders are forwarded to, and how long raw webhook deliveries are kept will be here."
    />
  );
}
