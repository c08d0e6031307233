"use client";

import { BellIcon, BellRingIcon, SmartphoneIcon, Trash2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { TimeAgo } from "@/components/ui/time-ago";
import type { ActionResult } from "@/lib/http/action-result";
import { removeDevice, sendTestNotification, subscribeDevice } from "@/lib/notifications/actions";
import type { DeviceView } from "@/lib/notifications/schemas";
import { browserPush, subscribeBrowser, unsubscribeBrowser, type BrowserPush } from "./push-subscribe";

type Props = { storeId: string; vapidPublicKey: string | null; devices: DeviceView[] };

const OFFLINE = "We couldn't reach Tribedesk. Check your connection and try again.";

/** The member's devices that get push, this browser's switch, and a test for each. */
export function DevicesCard({ storeId, vapidPublicKey, devices }: Props) {
  const router = useRouter();
  const [browser, setBrowser] = useState<BrowserPush | null>(null);
  const [hereHash, setHereHash] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    void browserPush().then(async (state) => {
      setBrowser(state);
      if (state.state === "ready" && state.endpoint) setHereHash(await sha256(state.endpoint));
    });
  }, []);

  async function run<T>(key: string, action: () => Promise<ActionResult<T> | null>, success: (data: T) => string) {
    setBusy(key);
    const result = await action().catch(() => null);
    setBusy(null);
    if (!result) return void toast.error(OFFLINE);
    if (!result.ok) return void toast.error(result.error.message);
    toast.success(success(result.data));
    router.refresh();
  }

  async function turnOn() {
    if (!vapidPublicKey) return;
    await run(
      "subscribe",
      async () => {
        const json = await subscribeBrowser(vapidPublicKey);
        if (!json) {
          setBrowser({ state: "denied" });
          return {
            ok: false,
            error: { code: "forbidden", message: "Notifications are blocked for this site in the browser's settings." },
          };
        }
        setHereHash(await sha256(json.endpoint ?? ""));
        return subscribeDevice({ storeId, endpoint: json.endpoint, keys: json.keys });
      },
      () => "Notifications are on for this device.",
    );
  }

  async function remove(device: DeviceView) {
    await run(
      `remove-${device.id}`,
      async () => {
        if (device.endpointHash === hereHash) await unsubscribeBrowser().catch(() => undefined);
        return removeDevice({ storeId, subscriptionId: device.id });
      },
      () => `${device.label} gets no more notifications.`,
    );
  }

  const subscribedHere = hereHash !== null && devices.some((device) => device.endpointHash === hereHash);
  return (
    <Card>
      <CardHeader
        title="Your devices"
        description="Push notifications reach these phones and computers even when every Tribedesk tab is closed."
        actions={
          devices.length > 0 && vapidPublicKey ? (
            <Button
              leadingIcon={<BellRingIcon />}
              loading={busy === "test-all"}
              onClick={() =>
                run(
                  "test-all",
                  () => sendTestNotification({ storeId }),
                  (data) => `Test sent to ${data.devices} device(s).`,
                )
              }
            >
              Send a test
            </Button>
          ) : null
        }
      />
      <CardContent className="grid gap-4">
        {!vapidPublicKey ? (
          <Alert tone="info" title="Push notifications are off on this deployment">
            Whoever runs it can turn them on by setting VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT (README,
            “Notifications”). Email alerts work without them.
          </Alert>
        ) : browser?.state === "unsupported" ? (
          <Alert tone="info" title="This browser can't get notifications">
            {browser.reason}
          </Alert>
        ) : browser?.state === "denied" ? (
          <Alert tone="warning" title="Notifications are blocked here">
            Allow notifications for this site in the browser’s settings, then come back to turn them on.
          </Alert>
        ) : browser && !subscribedHere ? (
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-fg-muted max-w-xl text-sm">Get new orders and alerts on this device.</p>
            <Button variant="primary" leadingIcon={<BellIcon />} loading={busy === "subscribe"} onClick={turnOn}>
              Turn on for this device
            </Button>
          </div>
        ) : null}
        {devices.length === 0 ? (
          <EmptyState
            icon={<SmartphoneIcon />}
            title="No devices yet"
            description="Turn notifications on in Tribedesk on your phone (installed from the browser's menu) and on your computer."
          />
        ) : (
          <ul className="divide-line border-line divide-y rounded-lg border">
            {devices.map((device) => (
              <li key={device.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                <div className="min-w-0">
                  <p className="text-fg flex items-center gap-2 text-sm font-medium">
                    {device.label}
                    {device.endpointHash === hereHash ? <Badge tone="blue">This device</Badge> : null}
                  </p>
                  <p className="text-fg-muted text-xs">
                    Added <TimeAgo date={device.createdAt} />
                    {device.lastSentAt ? (
                      <>
                        {" · last notified "}
                        <TimeAgo date={device.lastSentAt} />
                      </>
                    ) : null}
                  </p>
                  {device.lastError ? <p className="mt-1 text-xs text-red-700 dark:text-red-300">{device.lastError}</p> : null}
                </div>
                <div className="flex gap-2">
                  <Button
                    size="sm"
                    loading={busy === `test-${device.id}`}
                    onClick={() =>
                      run(
                        `test-${device.id}`,
                        () => sendTestNotification({ storeId, subscriptionId: device.id }),
                        () => `Test sent to ${device.label}.`,
                      )
                    }
                  >
                    Send a test
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    leadingIcon={<Trash2Icon />}
                    loading={busy === `remove-${device.id}`}
                    onClick={() => remove(device)}
                    aria-label={`Remove ${device.label}`}
                  >
                    Remove
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}
