import type { Metadata } from "next";
import { CompassIcon } from "lucide-react";
import { Logo } from "@/components/shell/logo";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex h-16 w-full max-w-6xl items-center px-4 sm:px-6">
        <Logo />
      </header>
      <main className="flex flex-1 items-center justify-center px-4 pb-24">
        <div className="max-w-sm text-center">
          <div className="border-line bg-surface text-fg-muted mx-auto mb-5 flex size-11 items-center justify-center rounded-xl border shadow-xs">
            <CompassIcon className="size-5" />
          </div>
          <p className="text-fg-subtle text-xs font-medium tracking-wide uppercase">Error 404</p>
          <h1 className="text-fg mt-1 text-xl font-semibold tracking-tight">This page does not exist</h1>
          <p className="text-fg-muted mt-2 text-sm">
            The link may be old or mistyped. If you were looking for an order, search for it from the order feed.
          </p>
          <div className="mt-6 flex flex-wrap justify-center gap-2">
            <Button href="/orders" variant="primary">
              Go to orders
            </Button>
            <Button href="/" variant="secondary">
              Home
            </Button>
          </div>
        </div>
      </main>
    </div>
  );
}
