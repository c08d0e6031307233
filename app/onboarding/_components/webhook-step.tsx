"use client";

import { useState } from "react";
import { KeyCheckAlert } from "@/components/settings/key-check-alert";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { ArrowRightIcon } from "@/components/ui/icons";
import type { OnboardedStore } from "@/lib/stores/actions";

export function WebhookStep({ store }: { store: OnboardedStore }) {
  const [copied, setCopied] = useState(false);
  const insecure = store.webhookUrl.startsWith("http://");
  return (
    <div className="grid gap-5">
      <div>
        <h2 className="text-base font-semibold text-fg">{store.storeName} is ready</h2>
        <p className="mt-1 text-sm text-fg-muted">
          Last step: tell TribeMade where to send new orders. This is your store&apos;s private webhook address.
        </p>
      </div>

      {store.keyCheck.status === "valid" ? null : <KeyCheckAlert result={store.keyCheck} />}

      <div className="grid gap-2">
        <p id="webhook-url-label" className="text-sm font-medium text-fg">
          Webhook URL
        </p>
        <div className="flex flex-col gap-2 rounded-lg border border-line bg-surface-2 p-3 sm:flex-row sm:items-center">
          <code
            aria-labelledby="webhook-url-label"
            className="min-w-0 flex-1 font-mono text-xs leading-5 break-all text-fg select-all"
            data-testid="webhook-url"
          >
            {store.webhookUrl}
          </code>
          <CopyButton value={store.webhookUrl} label="Copy URL" size="md" variant="primary" onCopied={() => setCopied(true)} />
        </div>
        <Alert tone="warning">
          Copy it now: it is shown only this once and works like a password. Lost it? Create a new one on the Webhooks
          page.
        </Alert>
        {insecure ? (
          <p className="text-xs text-fg-muted">
            This address starts with http://. TribeMade only delivers to https:// addresses, so use this one with the
            local simulator, and your deployment&apos;s https address (APP_URL) for the real TribeMade.
          </p>
        ) : null}
      </div>

      <div>
        <h3 className="text-sm font-semibold text-fg">Paste it into TribeMade</h3>
        <ol className="mt-2 grid list-decimal gap-1.5 pl-5 text-sm text-fg-muted marker:text-fg-subtle">
          <li>Log in to the TribeMade Dashboard and pick this store.</li>
          <li>
            In the sidebar, open <strong className="font-medium text-fg">Developer</strong> (below Settings).
          </li>
          <li>
            Under <strong className="font-medium text-fg">Webhooks</strong>, add the URL above and save. TribeMade allows up
            to 5 webhook URLs per store.
          </li>
          <li>Place a test order in your store. It shows up in Tribedesk&apos;s Orders within seconds.</li>
        </ol>
      </div>

      <div className="flex flex-wrap items-center justify-end gap-3 border-t border-line pt-4">
        {copied ? null : <span className="text-xs text-fg-subtle">Copy the URL before you leave this page.</span>}
        <Button href="/orders" variant="primary" size="lg" trailingIcon={<ArrowRightIcon />}>
          Go to orders
        </Button>
      </div>
    </div>
  );
}
