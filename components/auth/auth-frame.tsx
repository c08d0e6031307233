import Link from "next/link";
import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { cn } from "@/components/ui/cn";
import { LogoMark } from "@/components/ui/icons";

/** Full-page frame for signed-out and pre-dashboard pages: brand on top, content centred. */
export function AuthFrame({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <div className="flex min-h-dvh flex-col bg-panel">
      <header className="flex items-center justify-between px-4 py-4 sm:px-6">
        <Link href="/" className="inline-flex items-center gap-2 rounded-md text-sm font-semibold text-fg">
          <LogoMark className="size-6" />
          Tribedesk
        </Link>
        <ThemeToggle />
      </header>
      <main className={cn("mx-auto flex w-full flex-1 flex-col justify-center px-4 pb-16 sm:pt-4", wide ? "max-w-xl" : "max-w-sm")}>
        {children}
      </main>
    </div>
  );
}
