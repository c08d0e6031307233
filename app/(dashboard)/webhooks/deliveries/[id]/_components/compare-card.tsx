"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { statusLabel } from "@/components/ui/status-badge";
import { deliveryDetailSchema, type DeliveryDetailDto, type DeliveryRowDto } from "@/lib/webhooks/schemas";
import { diffJson, type JsonDiffKind } from "@/lib/webhooks/json-diff";
import { webhookKeys } from "@/lib/webhooks/keys";
import { base64ToBytes, decodeBody, type DecodedBody } from "@/lib/webhooks/body-bytes";
import { errorMessage, fetchJson } from "@/lib/http/fetch-json";
import { formatStamp } from "@/lib/format/dates";

const DIFF_LIMIT = 500;

const KIND: Record<JsonDiffKind, { label: string; tone: BadgeTone }> = {
  added: { label: "Only here", tone: "green" },
  removed: { label: "Only there", tone: "red" },
  changed: { label: "Changed", tone: "amber" },
};

function show(value: unknown): string {
  if (value === undefined) return "";
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function optionLabel(row: DeliveryRowDto): string {
  return `${formatStamp(row.receivedAt)} · ${statusLabel("delivery", row.outcome)}${row.replayOfId ? " (replay)" : ""}`;
}

/** Diff this delivery's JSON body against another delivery of the same order. */
export function CompareCard({ storeId, current, body }: { storeId: string; current: DeliveryDetailDto; body: DecodedBody }) {
  const [otherId, setOtherId] = useState(current.related[0]?.id ?? "");
  const other = useQuery({
    queryKey: webhookKeys.delivery(storeId, otherId),
    queryFn: ({ signal }) => fetchJson(`/api/deliveries/${otherId}`, deliveryDetailSchema, { signal }),
    enabled: otherId !== "",
    staleTime: Infinity,
  });

  return (
    <Card>
      <CardHeader
        title="Compare"
        description="Against another delivery carrying the same order_id: what changed between sends."
      />
      <div className="grid gap-3 px-4 py-3 text-sm">
        {current.related.length === 0 ? (
          <p className="text-fg-muted">No other delivery carries this order_id yet. A replay would make one.</p>
        ) : (
          <>
            <Select
              aria-label="Compare with"
              value={otherId}
              onChange={(event) => setOtherId(event.target.value)}
              wrapperClassName="sm:max-w-sm"
            >
              {current.related.map((row) => (
                <option key={row.id} value={row.id}>
                  {optionLabel(row)}
                </option>
              ))}
            </Select>
            {other.isPending ? (
              <Spinner size="sm" label="Loading the other delivery" />
            ) : other.isError ? (
              <Alert tone="error">{errorMessage(other.error)}</Alert>
            ) : (
              <DiffTable body={body} sha256={current.bodySha256} other={other.data} />
            )}
          </>
        )}
      </div>
    </Card>
  );
}

function DiffTable({ body, sha256, other }: { body: DecodedBody; sha256: string; other: DeliveryDetailDto }) {
  const otherBody = useMemo(() => decodeBody(base64ToBytes(other.bodyBase64)), [other.bodyBase64]);
  const entries = useMemo(
    () => (body.json.ok && otherBody.json.ok ? diffJson(otherBody.json.value, body.json.value, DIFF_LIMIT) : null),
    [body.json, otherBody.json],
  );
  if (other.bodySha256 === sha256) {
    return <p className="text-fg-muted">The bodies are byte-for-byte identical (same SHA-256).</p>;
  }
  if (!entries) return <p className="text-fg-muted">One of the bodies is not JSON; compare their Raw views instead.</p>;
  if (entries.length === 0) {
    return <p className="text-fg-muted">Same JSON, different bytes: only whitespace, key order or number formatting differ.</p>;
  }
  return (
    <div className="border-line overflow-x-auto rounded-md border">
      <table data-testid="diff-table" className="w-full text-xs">
        <thead className="border-line bg-surface-2/60 text-fg-muted border-b text-left">
          <tr>
            <th className="px-3 py-1.5 font-medium">Path</th>
            <th className="px-3 py-1.5 font-medium">Change</th>
            <th className="px-3 py-1.5 font-medium">Other ({formatStamp(other.receivedAt)})</th>
            <th className="px-3 py-1.5 font-medium">This delivery</th>
          </tr>
        </thead>
        <tbody className="divide-line divide-y font-mono">
          {entries.map((entry) => (
            <tr key={`${entry.kind}:${entry.path}`} className="align-top">
              <td className="text-fg min-w-48 px-3 py-1.5 break-all">{entry.path}</td>
              <td className="px-3 py-1.5 font-sans">
                <Badge tone={KIND[entry.kind].tone}>{KIND[entry.kind].label}</Badge>
              </td>
              <td className="px-3 py-1.5 break-all text-red-700 dark:text-red-300">{show(entry.before)}</td>
              <td className="px-3 py-1.5 break-all text-emerald-700 dark:text-emerald-300">{show(entry.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length >= DIFF_LIMIT ? (
        <p className="text-fg-subtle px-3 py-2 text-xs">Showing the first {DIFF_LIMIT} differences.</p>
      ) : null}
    </div>
  );
}
