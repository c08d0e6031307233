// Tribedesk's service worker (docs/notifications.md). Hand-written, not a library: it does three
// small things, none of them asset caching (every page is rendered per request with a CSP nonce,
// so cached pages would be stale by design; docs/decisions.md says why no Serwist):
//   1. navigations that fail (no network) show /offline.html, cached at install;
//   2. a push shows its notification (payload: { title, body, url, tag });
//   3. tapping a notification focuses an open Tribedesk window on its url, or opens one.
const OFFLINE_CACHE = "tribedesk-offline-v1";
const OFFLINE_URL = "/offline.html";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(OFFLINE_CACHE)
      .then((cache) => cache.addAll([OFFLINE_URL, "/icons/icon-192.png"]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== OFFLINE_CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  if (event.request.mode !== "navigate") return;
  event.respondWith(fetch(event.request).catch(async () => (await caches.match(OFFLINE_URL)) ?? Response.error()));
});

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : "" };
  }
  const title = typeof data.title === "string" && data.title ? data.title : "Tribedesk";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === "string" ? data.body : "",
      tag: typeof data.tag === "string" ? data.tag : undefined,
      icon: "/icons/icon-192.png",
      badge: "/icons/badge-96.png",
      data: { url: safePath(data.url) },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.waitUntil(openFromNotification(event.notification));
});

// Focuses an open Tribedesk window on the notification's page, else opens one. A named function so
// the end-to-end test can run it (a browser cannot click a notification headless).
async function openFromNotification(notification) {
  notification.close();
  const url = new URL(safePath(notification.data && notification.data.url), self.location.origin).href;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
  if (open) {
    // navigate() works only for a window this worker controls; otherwise a new one opens.
    const navigated = await open.navigate(url).catch(() => null);
    await (navigated ?? open).focus().catch(() => undefined);
    if (navigated) return;
  }
  await self.clients.openWindow(url);
}

// Only this app's own paths: a payload never sends a tap elsewhere.
function safePath(value) {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : "/orders";
}
