"use client";

import { LogOutIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { signOutEverywhere } from "@/lib/auth/actions";

/** "Sign out of all devices", behind a confirmation (it signs this browser out too). */
export function SessionsCard() {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  return (
    <Card>
      <CardHeader title="Devices" description="Lost a phone, or signed in on a shared computer?" />
      <CardContent className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-fg-muted max-w-xl text-sm">
          Sign out everywhere you are signed in, this browser included. A copied session stops working at once.
        </p>
        <Button variant="secondary" leadingIcon={<LogOutIcon />} onClick={() => setConfirming(true)}>
          Sign out of all devices
        </Button>
      </CardContent>
      <Dialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Sign out of all devices?"
        description="Every device, this one included, goes back to the sign-in page. Nothing else changes."
        size="sm"
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <form action={signOutEverywhere} onSubmit={() => setPending(true)}>
              <Button type="submit" variant="danger" loading={pending}>
                Sign out everywhere
              </Button>
            </form>
          </>
        }
      />
    </Card>
  );
}
