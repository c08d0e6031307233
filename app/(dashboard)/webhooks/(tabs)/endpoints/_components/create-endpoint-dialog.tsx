"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { Field, fieldDescribedBy } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { createWebhookEndpoint } from "@/lib/webhooks/actions";
import { ConnectSteps } from "@/components/webhooks/connect-steps";

const OFFLINE = "We couldn't reach Tribedesk. Check your connection and try again.";

/** Step 1 names the endpoint; step 2 shows its URL, the only time the secret in it is visible. */
export function CreateEndpointDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const [label, setLabel] = useState("TribeMade");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [url, setUrl] = useState<string | null>(null);

  function close(next: boolean) {
    if (next) return onOpenChange(true);
    onOpenChange(false);
    // Forget the secret as soon as the dialog closes.
    setUrl(null);
    setError(null);
    setFieldError(null);
    setLabel("TribeMade");
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setFieldError(null);
    const result = await createWebhookEndpoint({ label }).catch(() => null);
    setPending(false);
    if (!result) return setError(OFFLINE);
    if (!result.ok) {
      setFieldError(result.error.fieldErrors?.label ?? null);
      if (!result.error.fieldErrors?.label) setError(result.error.message);
      return;
    }
    setUrl(result.data.url);
    router.refresh();
  }

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      closeOnBackdrop={false}
      title={url ? "Your webhook URL" : "New endpoint"}
      description={
        url
          ? "Copy it now: the secret at its end is shown only this once. Tribedesk keeps only its hash."
          : "A new URL for TribeMade to send orders to. Use one per place you paste it, so each can be revoked on its own."
      }
      footer={
        url ? (
          <Button variant="primary" onClick={() => close(false)}>
            Done
          </Button>
        ) : (
          <>
            <Button onClick={() => close(false)}>Cancel</Button>
            <Button variant="primary" type="submit" form="create-endpoint" loading={pending}>
              Create endpoint
            </Button>
          </>
        )
      }
    >
      {url ? (
        <div className="grid gap-4">
          <div className="grid gap-2">
            {/* The whole URL, wrapped: the secret at its end is the part that matters. */}
            <code
              aria-label="Webhook URL"
              data-testid="new-webhook-url"
              className="border-line bg-surface-2/50 text-fg block rounded-md border px-2.5 py-2 font-mono text-xs break-all select-all"
            >
              {url}
            </code>
            <div>
              <CopyButton value={url} label="Copy URL" size="md" />
            </div>
          </div>
          <div>
            <p className="text-fg mb-2 text-sm font-medium">Add it to TribeMade</p>
            <ConnectSteps />
          </div>
        </div>
      ) : (
        <form id="create-endpoint" onSubmit={submit} className="grid gap-4">
          {error ? <Alert tone="error">{error}</Alert> : null}
          <Field
            id="endpoint-label"
            label="Name"
            hint="Only you see it, e.g. “TribeMade” or “TribeMade (new store)”."
            errors={fieldError}
          >
            <Input
              id="endpoint-label"
              value={label}
              maxLength={60}
              autoFocus
              invalid={Boolean(fieldError)}
              aria-describedby={fieldDescribedBy("endpoint-label", { hint: true, errors: fieldError })}
              onChange={(event) => setLabel(event.target.value)}
            />
          </Field>
        </form>
      )}
    </Dialog>
  );
}
