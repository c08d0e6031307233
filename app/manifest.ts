import type { MetadataRoute } from "next";

// The web app manifest (/manifest.webmanifest): what makes Tribedesk installable from Chromium's
// install prompt and Safari's "Add to Home Screen" (docs/notifications.md). Opens on the orders feed.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/orders",
    name: "Tribedesk",
    short_name: "Tribedesk",
    description: "The order desk for TribeMade merchants: every order, live, and told on your phone.",
    start_url: "/orders",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#4f46e5",
    categories: ["business", "productivity"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
