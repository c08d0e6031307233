"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { renameWebhookEndpoint, revokeWebhookEndpoint } from "@/lib/webhooks/actions";
import type { EndpointDto } from "@/lib/webhooks/schemas";

const OFFLINE = "We couldn't reach Tribedesk. Check your connection and try again.";

type Props = { endpoint: EndpointDto | null; onClose: () => void };

export function RevokeEndpointDialog({ endpoint, onClose, lastActive }: Props & { lastActive: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    if (!endpoint) return;
    setPending(true);
    setError(null);
    const result = await revokeWebhookEndpoint({ endpointId: endpoint.id }).catch(() => null);
    setPending(false);
    if (!result) return setError(OFFLINE);
    if (!result.ok) return setError(result.error.message);
    router.refresh();
    onClose();
  }

  return (
    <Dialog
      open={endpoint !== null}
      onOpenChange={(open) => (open ? undefined : onClose())}
      size="sm"
      title={`Revoke “${endpoint?.label ?? ""}”?`}
      description="TribeMade's requests to this URL will get 404 from now on, and nothing they carry is stored. This can't be undone."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" onClick={() => void revoke()} loading={pending}>
            Revoke endpoint
          </Button>
        </>
      }
    >
      <div className="grid gap-3">
        {error ? <Alert tone="error">{error}</Alert> : null}
        {lastActive ? (
          <Alert tone="warning" title="This is your only active endpoint">
            New orders stop reaching Tribedesk until you create another and paste it into TribeMade.
          </Alert>
        ) : null}
        <p className="text-fg-muted">
          Remove the URL from TribeMade → Developer → Webhooks too. Past deliveries stay in the inspector.
        </p>
      </div>
    </Dialog>
  );
}

export function RenameEndpointDialog({ endpoint, onClose }: Props) {
  const router = useRouter();
  const [label, setLabel] = useState(endpoint?.label ?? "");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!endpoint) return;
    setPending(true);
    setError(null);
    const result = await renameWebhookEndpoint({ endpointId: endpoint.id, label }).catch(() => null);
    setPending(false);
    if (!result) return setError(OFFLINE);
    if (!result.ok) return setError(result.error.fieldErrors?.label ?? result.error.message);
    router.refresh();
    onClose();
  }

  return (
    <Dialog
      open={endpoint !== null}
      onOpenChange={(open) => (open ? undefined : onClose())}
      size="sm"
      closeOnBackdrop={false}
      title="Rename endpoint"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form="rename-endpoint" loading={pending}>
            Save
          </Button>
        </>
      }
    >
      <form id="rename-endpoint" onSubmit={submit}>
        <Field id="rename-label" label="Name" errors={error}>
          <Input
            id="rename-label"
            value={label}
            maxLength={60}
            autoFocus
            invalid={Boolean(error)}
            onChange={(event) => setLabel(event.target.value)}
          />
        </Field>
      </form>
    </Dialog>
  );
}
