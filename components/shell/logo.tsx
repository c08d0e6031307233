import Link from "next/link";
import { LogoMark } from "@/components/shell/logo-mark";
import { cn } from "@/components/ui/cn";

/** Mark + wordmark, linking home (`href`). */
export function Logo({ href = "/", className }: { href?: string; className?: string }) {
  return (
    <Link href={href} className={cn("inline-flex items-center gap-2 rounded-md", className)} aria-label="Tribedesk home">
      <LogoMark className="size-6" />
      <span className="text-fg text-[15px] font-semibold tracking-tight">Tribedesk</span>
    </Link>
  );
}
