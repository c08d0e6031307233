"use client";

import { KeyRound, Webhook } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/**
 * Shown after another owner is removed or made staff. Owners can copy the webhook URLs and the
 * fulfillment signing secret; neither changes when they go, and a webhook URL is all it takes to
 * post deliveries to the store.
 */
export function RotateCredentialsDialog({ formerOwner, onClose }: { formerOwner: string | null; onClose: () => void }) {
  return (
    <Dialog
      open={formerOwner !== null}
      onOpenChange={(open) => (open ? null : onClose())}
      title="Rotate the webhook URLs and the signing secret"
      description={`${formerOwner ?? "They"} could copy this store's webhook URLs and its fulfillment signing secret as an owner. Both still work: replace them.`}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Later
          </Button>
          <Button href="/settings" variant="secondary" leadingIcon={<KeyRound />}>
            Signing secret
          </Button>
          <Button href="/webhooks/endpoints" variant="primary" leadingIcon={<Webhook />}>
            Webhook endpoints
          </Button>
        </>
      }
    >
      <ol className="text-fg-muted list-decimal space-y-2 pl-5 text-sm">
        <li>
          <span className="text-fg font-medium">Webhooks → Endpoints:</span> create a new endpoint, add its URL in
          TribeMade&apos;s Developer section, then revoke the old ones. Anyone with an old URL can post orders to it.
        </li>
        <li>
          <span className="text-fg font-medium">Settings → Forwarding to fulfillment:</span> rotate the signing secret and give
          the new one to your fulfillment system.
        </li>
      </ol>
    </Dialog>
  );
}
