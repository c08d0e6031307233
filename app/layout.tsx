import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { ServiceWorker } from "@/components/pwa/service-worker";
import { ThemeScript } from "@/components/shell/theme-script";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tribedesk", template: "%s · Tribedesk" },
  description:
    "The order desk for TribeMade merchants: every order recorded the moment it is paid, a live feed, and status changes that always reach TribeMade.",
  applicationName: "Tribedesk",
  // Installable (app/manifest.ts); Safari's "Add to Home Screen" reads these instead.
  appleWebApp: { capable: true, title: "Tribedesk", statusBarStyle: "default" },
  icons: { apple: "/icons/apple-touch-icon.png" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

// Reading the request's nonce makes every page render per request, which a nonce needs anyway:
// a prerendered page would carry a stale one (docs/security.md).
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // ThemeScript sets class="dark" before React hydrates; the mismatch on <html> is expected.
    <html lang="en-IN" suppressHydrationWarning>
      <head>
        <ThemeScript nonce={nonce} />
      </head>
      <body>
        <Providers>{children}</Providers>
        <ServiceWorker />
      </body>
    </html>
  );
}
