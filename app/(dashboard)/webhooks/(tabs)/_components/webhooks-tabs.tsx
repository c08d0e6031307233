"use client";

import { usePathname } from "next/navigation";
import { TabLinks } from "@/components/ui/tab-links";

const TABS = [
  { href: "/webhooks", label: "Deliveries" },
  { href: "/webhooks/endpoints", label: "Endpoints" },
  { href: "/webhooks/metrics", label: "Metrics" },
] as const;

export function WebhooksTabs() {
  const pathname = usePathname();
  return (
    <TabLinks
      aria-label="Webhooks sections"
      links={TABS.map((tab) => ({
        href: tab.href,
        label: tab.label,
        active: tab.href === "/webhooks" ? pathname === "/webhooks" : pathname.startsWith(tab.href),
      }))}
    />
  );
}
