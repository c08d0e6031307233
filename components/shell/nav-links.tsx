"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { BoxesIcon, PackageIcon, SendIcon, SettingsIcon, UsersIcon, WebhookIcon } from "lucide-react";
import { cn } from "@/components/ui/cn";

const items = [
  { href: "/orders", label: "Orders", Icon: PackageIcon },
  { href: "/products", label: "Products", Icon: BoxesIcon },
  { href: "/customers", label: "Customers", Icon: UsersIcon },
  { href: "/webhooks", label: "Webhooks", Icon: WebhookIcon },
  { href: "/outbox", label: "Outbox", Icon: SendIcon },
  { href: "/settings", label: "Settings", Icon: SettingsIcon },
] as const;

function isActive(pathname: string, href: string) {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** The dashboard's sections; the current one is marked with aria-current. */
export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="space-y-0.5">
        {items.map(({ href, label, Icon }) => {
          const active = isActive(pathname, href);
          return (
            <li key={href}>
              <Link
                href={href}
                onClick={onNavigate}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "group flex h-8 items-center gap-2.5 rounded-md px-2.5 text-sm font-medium transition-colors",
                  active ? "bg-surface-3/70 text-fg" : "text-fg-muted hover:bg-surface-2 hover:text-fg",
                )}
              >
                <Icon className={cn("size-4", active ? "text-accent-text" : "text-fg-subtle group-hover:text-fg-muted")} />
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
