"use client";

import { useEffect } from "react";
import { RotateCwIcon } from "lucide-react";
import { LogoMark } from "@/components/shell/logo-mark";
import { ThemeScript } from "@/components/shell/theme-script";
import { Button } from "@/components/ui/button";
import { IconDefaults } from "@/components/ui/icon-defaults";
import "./globals.css";

// Replaces the root layout when it fails, so it brings its own document, styles and theme.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  return (
    <html lang="en-IN" suppressHydrationWarning>
      <head>
        <title>Something went wrong · Tribedesk</title>
        <ThemeScript />
      </head>
      <body>
        <IconDefaults>
          <main className="flex min-h-dvh items-center justify-center px-4">
            <div className="max-w-sm text-center">
              <LogoMark className="mx-auto mb-6 size-9" />
              <h1 className="text-fg text-xl font-semibold tracking-tight">Tribedesk hit an unexpected error</h1>
              <p className="text-fg-muted mt-2 text-sm">
                Try again. If it keeps happening, reload the page
                {digest ? " and keep the reference below for the server log" : ""}.
              </p>
              {digest ? <p className="text-fg-subtle mt-3 font-mono text-xs">Reference {digest}</p> : null}
              <div className="mt-6 flex flex-wrap justify-center gap-2">
                <Button variant="primary" leadingIcon={<RotateCwIcon />} onClick={() => retry()}>
                  Try again
                </Button>
                <Button variant="secondary" onClick={() => window.location.reload()}>
                  Reload page
                </Button>
              </div>
            </div>
          </main>
        </IconDefaults>
      </body>
    </html>
  );
}
