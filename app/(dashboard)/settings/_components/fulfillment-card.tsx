"use client";

import { KeyRound, RefreshCw, ShieldCheck } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { formatDateTime } from "@/lib/format/dates";
import { rotateFulfillmentSecret } from "@/lib/fulfillment/actions";

// Owners: the signing secret for orders forwarded to their fulfillment URL. Shown once, right
// after it is generated; afterwards only when it was made.

/** `storeId`: the store this card was rendered for; rotating another one's secret is refused. */
type Props = { storeId: string; url: string | null; secretCreatedAt: string | null };

const HEADERS = [
  ["webhook-id", "msg_… — the same on every retry of one order: drop repeats"],
  ["webhook-timestamp", "Unix seconds; refuse anything older than a few minutes"],
  ["webhook-signature", "v1,<base64 HMAC-SHA256 of id.timestamp.body>, keyed with the secret after whsec_"],
] as const;

export function FulfillmentCard({ storeId, url, secretCreatedAt }: Props) {
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);

  async function generate() {
    setPending(true);
    const result = await rotateFulfillmentSecret({ storeId }).catch(() => null);
    setPending(false);
    setConfirming(false);
    if (!result) return void toast.error("We couldn't reach Tribedesk. Check your connection and try again.");
    if (!result.ok) return void toast.error(result.error.message);
    setSecret(result.data.secret);
    toast.success(secretCreatedAt ? "New signing secret: the old one no longer verifies." : "Signing secret created.");
    router.refresh();
  }

  return (
    <Card>
      <CardHeader
        title="Forwarding to fulfillment"
        description="Verified orders are POSTed to your fulfillment URL as TribeMade sent them, signed the Standard Webhooks way."
        actions={
          secretCreatedAt ? (
            <Button size="sm" leadingIcon={<RefreshCw />} onClick={() => setConfirming(true)}>
              Rotate secret
            </Button>
          ) : null
        }
      />
      <CardContent className="grid gap-4">
        {!url ? (
          <p className="text-fg-muted text-sm">
            Forwarding is off. Set a fulfillment URL above and every order TribeMade confirms is sent there, within seconds.
          </p>
        ) : (
          <p className="text-fg-muted text-sm">
            Forwarding to <span className="text-fg font-mono text-xs break-all">{url}</span>. Orders TribeMade does not confirm
            (mismatch, not found) are never forwarded.
          </p>
        )}

        {secret ? (
          <Alert tone="success" title="Copy the secret now: it is not shown again.">
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <code
                className="bg-surface border-line rounded-md border px-2 py-1 font-mono text-xs break-all"
                data-testid="fulfillment-secret"
              >
                {secret}
              </code>
              <CopyButton value={secret} label="Copy secret" size="sm" />
            </div>
          </Alert>
        ) : secretCreatedAt ? (
          <p className="text-fg-muted flex items-center gap-2 text-sm">
            <ShieldCheck className="size-4 text-emerald-600 dark:text-emerald-400" aria-hidden="true" />
            Signing secret created {formatDateTime(secretCreatedAt)} IST.
          </p>
        ) : (
          <div className="flex flex-wrap items-center justify-between gap-3">
            {url ? (
              <Alert tone="warning" className="flex-1">
                Orders are not forwarded until they can be signed: generate the signing secret.
              </Alert>
            ) : (
              <p className="text-fg-muted text-sm">No signing secret yet.</p>
            )}
            <Button variant={url ? "primary" : "secondary"} leadingIcon={<KeyRound />} loading={pending} onClick={generate}>
              Generate signing secret
            </Button>
          </div>
        )}

        <details className="group text-sm">
          <summary className="text-fg-muted hover:text-fg cursor-pointer select-none">
            How your system checks a forwarded order
          </summary>
          <dl className="divide-line border-line mt-3 divide-y rounded-md border">
            {HEADERS.map(([name, meaning]) => (
              <div key={name} className="grid gap-1 px-3 py-2 sm:grid-cols-[11rem_1fr]">
                <dt className="font-mono text-xs">{name}</dt>
                <dd className="text-fg-muted text-xs">{meaning}</dd>
              </div>
            ))}
          </dl>
          <p className="text-fg-muted mt-2 text-xs">
            Any Standard Webhooks library verifies it (e.g. <code className="font-mono">standardwebhooks</code> on npm and PyPI).
            Answer 2xx within 10 s; anything else is retried for hours, with the same webhook-id.
          </p>
        </details>
      </CardContent>

      <Dialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Rotate the signing secret?"
        description="The current secret stops verifying at once. Forwarded orders fail your check until your system has the new one."
        size="sm"
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button variant="danger" loading={pending} onClick={generate}>
              Rotate secret
            </Button>
          </>
        }
      />
    </Card>
  );
}
