"use client";

import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Tabs } from "@/components/ui/tabs";
import { hexDump, type DecodedBody } from "@/lib/webhooks/body-bytes";
import { JsonTree } from "./json-tree";
import { formatBytes } from "@/lib/format/numbers";

/** The hex view's first screenfuls; a 256 KiB body is 16,384 lines, rendered only on request. */
const HEX_PREVIEW_BYTES = 16 * 1024;

const preClasses =
  "max-h-[32rem] overflow-auto rounded-md border border-line bg-surface-2/50 p-3 font-mono text-xs leading-5 text-fg";

export function BodyViewer({ body, size, sha256 }: { body: DecodedBody; size: number; sha256: string }) {
  const [hexAll, setHexAll] = useState(false);
  const hex = useMemo(() => hexDump(body.bytes, hexAll ? body.bytes.length : HEX_PREVIEW_BYTES), [body.bytes, hexAll]);
  const pretty = body.json.ok ? (
    <JsonTree value={body.json.value} />
  ) : (
    <p className="text-fg-muted text-sm">
      The body is not JSON ({body.json.error}). The Raw and Hex views show exactly what arrived.
    </p>
  );

  return (
    <Card>
      <CardHeader
        title="Body"
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
            <span>{formatBytes(size)}</span>
            <span className="inline-flex min-w-0 items-center gap-1">
              <span className="whitespace-nowrap">SHA-256</span>{" "}
              <code className="text-fg-muted truncate font-mono" title={sha256}>
                {sha256.slice(0, 16)}…
              </code>
              <CopyButton value={sha256} iconOnly label="Copy SHA-256" variant="ghost" />
            </span>
          </span>
        }
        actions={<CopyButton value={body.text} label="Copy body" />}
      />
      <div className="px-4 pb-4">
        <Tabs
          aria-label="Body view"
          defaultValue={body.json.ok && body.validUtf8 ? "pretty" : body.validUtf8 ? "raw" : "hex"}
          items={[
            { value: "pretty", label: "Pretty", content: pretty },
            {
              value: "raw",
              label: "Raw",
              content: (
                <div className="grid gap-2">
                  {body.validUtf8 ? (
                    <p className="text-fg-subtle text-xs">Byte for byte as received, shown as UTF-8 text.</p>
                  ) : (
                    <Alert tone="warning" title="Not valid UTF-8">
                      Shown decoded with replacement characters (�) where the bytes are not UTF-8. The Hex view shows the exact
                      bytes.
                    </Alert>
                  )}
                  {size === 0 ? (
                    <p className="text-fg-muted text-sm">The body was empty.</p>
                  ) : (
                    <pre data-testid="raw-body" className={`${preClasses} break-all whitespace-pre-wrap`}>
                      {body.text}
                    </pre>
                  )}
                </div>
              ),
            },
            {
              value: "hex",
              label: "Hex",
              content: (
                <div className="grid gap-2">
                  <pre data-testid="hex-body" className={preClasses}>
                    {hex || "(empty)"}
                  </pre>
                  {!hexAll && body.bytes.length > HEX_PREVIEW_BYTES ? (
                    <div>
                      <Button size="sm" onClick={() => setHexAll(true)}>
                        Show all {formatBytes(body.bytes.length)}
                      </Button>
                    </div>
                  ) : null}
                </div>
              ),
            },
          ]}
        />
      </div>
    </Card>
  );
}
