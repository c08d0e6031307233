import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { TabCount, tabClasses } from "@/components/ui/tab-style";

export type TabLink = { href: string; label: ReactNode; count?: number; active: boolean };

/** Tab-looking navigation links (e.g. `/orders?status=dispatched`): each is a real URL, so the
 * state survives reloads and can be shared. The caller decides which one is `active`. */
export function TabLinks({
  links,
  "aria-label": label,
  className,
}: {
  links: TabLink[];
  "aria-label": string;
  className?: string;
}) {
  return (
    <nav aria-label={label} className={cn("border-line flex gap-1 overflow-x-auto border-b", className)}>
      {links.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          aria-current={link.active ? "page" : undefined}
          className={tabClasses(link.active)}
        >
          {link.label}
          {link.count !== undefined ? <TabCount count={link.count} selected={link.active} /> : null}
        </Link>
      ))}
    </nav>
  );
}
