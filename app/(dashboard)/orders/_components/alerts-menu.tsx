"use client";

import { Bell, BellOff, BellRing } from "lucide-react";
import { Popover } from "radix-ui";
import { useOrderAlerts } from "@/components/orders/use-order-alerts";
import { Button } from "@/components/ui/button";
import { Switch } from "@/components/ui/switch";

// New-order alerts, off until the merchant turns them on here (a click is what lets a browser play
// sound or ask for notification permission). Remembered per user in this browser.

export function AlertsMenu({ alerts }: { alerts: ReturnType<typeof useOrderAlerts> }) {
  const { prefs, permission, setSound, setDesktop } = alerts;
  const on = prefs.sound || prefs.desktop;
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <Button leadingIcon={on ? <BellRing /> : <BellOff />} aria-label="New-order alerts">
          <span className="hidden sm:inline">Alerts</span>
          {on ? <span className="text-fg-subtle hidden text-xs sm:inline">on</span> : null}
        </Button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          collisionPadding={12}
          className="border-line bg-surface animate-fade-in z-50 w-72 rounded-lg border p-3 shadow-lg outline-hidden"
        >
          <p className="text-fg flex items-center gap-2 text-sm font-semibold">
            <Bell className="size-4" aria-hidden="true" /> When a new order arrives
          </p>
          <div className="mt-3 grid gap-3">
            <Switch label="Play a sound" checked={prefs.sound} onCheckedChange={setSound} />
            <Switch
              label="Desktop notification"
              description={
                permission === "denied"
                  ? "Blocked in this browser's site settings."
                  : permission === "unsupported"
                    ? "This browser has no notifications."
                    : "When this tab is in the background."
              }
              checked={prefs.desktop}
              disabled={permission === "denied" || permission === "unsupported"}
              onCheckedChange={(value) => void setDesktop(value)}
            />
          </div>
          <p className="text-fg-subtle mt-3 text-xs">Saved for you in this browser.</p>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
