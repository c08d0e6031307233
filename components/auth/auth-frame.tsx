import type { ReactNode } from "react";
import { Logo } from "@/components/shell/logo";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { cn } from "@/components/ui/cn";

/** Full-page frame for signed-out and pre-dashboard pages: brand on top, content centred. */
export function AuthFrame({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <div className="bg-panel flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-4 py-4 sm:px-6">
        <Logo />
        <ThemeToggle />
      </header>
      <main
        className={cn("mx-auto flex w-full flex-1 flex-col justify-center px-4 pb-16 sm:pt-4", wide ? "max-w-xl" : "max-w-sm")}
      >
        {children}
      </main>
    </div>
  );
}
