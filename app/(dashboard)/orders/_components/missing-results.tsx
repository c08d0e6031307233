import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";
import type { MissingOrderResult } from "@/lib/orders/missing/schemas";

// What became of each pasted id, in words a merchant acts on.

function Outcome({ result }: { result: MissingOrderResult }) {
  const link = result.orderId ? (
    <Link href={`/orders/${result.orderId}`} className="text-fg font-medium underline underline-offset-4">
      Open order
    </Link>
  ) : null;
  switch (result.state) {
    case "known":
      return (
        <>
          <Badge tone="neutral">Already here</Badge> {link}
        </>
      );
    case "added":
      return (
        <>
          <Badge tone="green">Added</Badge> {link}
        </>
      );
    case "queued":
      return (
        <span className="text-fg-muted inline-flex items-center gap-1.5">
          <Spinner size="sm" /> Asking TribeMade…{result.error ? ` (retrying: ${result.error})` : ""}
        </span>
      );
    case "not_found":
      return (
        <span>
          <Badge tone="red">Not found</Badge>{" "}
          <span className="text-fg-muted">TribeMade does not know this order for this store&apos;s API key.</span>
        </span>
      );
    case "failed":
      return (
        <span>
          <Badge tone="red">Not added</Badge> <span className="text-fg-muted">{result.error ?? "TribeMade did not answer."}</span>
        </span>
      );
  }
}

export function MissingResults({ results, waiting }: { results: MissingOrderResult[]; waiting: boolean }) {
  return (
    <div className="grid gap-2">
      <p className="text-fg-muted text-sm" role="status">
        {waiting ? "Reading the orders from TribeMade…" : `Done: ${results.length} ${results.length === 1 ? "id" : "ids"}.`}
      </p>
      <ul className="divide-line border-line divide-y rounded-lg border" data-testid="missing-results">
        {results.map((result) => (
          <li key={result.tribemadeOrderId} className="grid gap-1 px-3 py-2 text-sm sm:grid-cols-[auto_1fr] sm:gap-3">
            <code className="text-fg font-mono text-xs leading-6">{result.tribemadeOrderId}</code>
            <span className="flex flex-wrap items-center gap-2">
              <Outcome result={result} />
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
