"use client";

import { useState } from "react";
import { ArrowRightIcon } from "lucide-react";
import { KeyCheckAlert } from "@/components/settings/key-check-alert";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { OnboardedStore } from "@/lib/stores/actions";

export function WebhookStep({ store }: { store: OnboardedStore }) {
  const [copied, setCopied] = useState(false);
  const insecure = store.webhookUrl.startsWith("http://");
  return (
    <div className="grid gap-5">
      <div>
        <h2 className="text-fg text-base font-semibold">{store.storeName} is ready</h2>
        <p className="text-fg-muted mt-1 text-sm">
          Last step: tell TribeMade where to send new orders. This is your store&apos;s private webhook address.
        </p>
      </div>

      {store.keyCheck.status === "valid" ? null : <KeyCheckAlert result={store.keyCheck} />}

      <div className="grid gap-2">
        <p id="webhook-url-label" className="text-fg text-sm font-medium">
          Webhook URL
        </p>
        <div className="border-line bg-surface-2 flex flex-col gap-2 rounded-lg border p-3 sm:flex-row sm:items-center">
          <code
            aria-labelledby="webhook-url-label"
            className="text-fg min-w-0 flex-1 font-mono text-xs leading-5 break-all select-all"
            data-testid="webhook-url"
          >
            {store.webhookUrl}
          </code>
          <CopyButton value={store.webhookUrl} label="Copy URL" size="md" variant="primary" onCopied={() => setCopied(true)} />
        </div>
        <Alert tone="warning">
          Copy it now: it is shown only this once and works like a password. Lost it? Create a new one on the Webhooks page.
        </Alert>
        {insecure ? (
          <p className="text-fg-muted text-xs">
            This address starts with http://. TribeMade only delivers to https:// addresses, so use this one with the local
            simulator, and your deployment&apos;s https address (APP_URL) for the real TribeMade.
          </p>
        ) : null}
      </div>

      <div>
        <h3 className="text-fg text-sm font-semibold">Paste it into TribeMade</h3>
        <ol className="text-fg-muted marker:text-fg-subtle mt-2 grid list-decimal gap-1.5 pl-5 text-sm">
          <li>Log in to the TribeMade Dashboard and pick this store.</li>
          <li>
            In the sidebar, open <strong className="text-fg font-medium">Developer</strong> (below Settings).
          </li>
          <li>
            Under <strong className="text-fg font-medium">Webhooks</strong>, add the URL above and save. TribeMade allows up to 5
            webhook URLs per store.
          </li>
          <li>Place a test order in your store. It shows up in Tribedesk&apos;s Orders within seconds.</li>
        </ol>
      </div>

      <div className="border-line flex flex-wrap items-center justify-end gap-3 border-t pt-4">
        {copied ? null : <span className="text-fg-subtle text-xs">Copy the URL before you leave this page.</span>}
        <Button href="/orders" variant="primary" size="lg" trailingIcon={<ArrowRightIcon />}>
          Go to orders
        </Button>
      </div>
    </div>
  );
}
