// The browser side of subscribing: permission, the service worker's PushManager, and the
// subscription's JSON for the server. Apart from the card so the card stays about what it shows.

export type BrowserPush =
  { state: "unsupported"; reason: string } | { state: "denied" } | { state: "ready"; endpoint: string | null };

/** What this browser can do now; endpoint is its current subscription, if any. */
export async function browserPush(): Promise<BrowserPush> {
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    const ios = /iPhone|iPad|iPod/.test(navigator.userAgent);
    return {
      state: "unsupported",
      reason: ios
        ? "On iPhone and iPad, add Tribedesk to your Home Screen first (Share → Add to Home Screen), then open it from there."
        : "This browser cannot receive push notifications.",
    };
  }
  if (Notification.permission === "denied") return { state: "denied" };
  const registration = await navigator.serviceWorker.getRegistration("/");
  const subscription = await registration?.pushManager.getSubscription();
  return { state: "ready", endpoint: subscription?.endpoint ?? null };
}

/** Asks for permission and subscribes with the deployment's VAPID key; null when refused. */
export async function subscribeBrowser(vapidPublicKey: string): Promise<PushSubscriptionJSON | null> {
  if ((await Notification.requestPermission()) !== "granted") return null;
  const registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
  await navigator.serviceWorker.ready;
  const existing = await registration.pushManager.getSubscription();
  const subscription =
    existing ??
    (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: fromBase64Url(vapidPublicKey) }));
  return subscription.toJSON();
}

export async function unsubscribeBrowser(): Promise<void> {
  const registration = await navigator.serviceWorker.getRegistration("/");
  await (await registration?.pushManager.getSubscription())?.unsubscribe();
}

function fromBase64Url(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
