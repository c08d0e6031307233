import type { ReactNode } from "react";
import { RotateCwIcon, TriangleAlertIcon } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/lib/format/numbers";
import { errorMessage } from "@/lib/http/fetch-json";

/** What a feed hook (useOrdersFeed, useDeliveriesFeed) tells the body. */
export type FeedStatus = {
  rows: readonly unknown[];
  pending: boolean;
  error: unknown;
  stale: boolean;
  retry: () => void;
  hasMore: boolean;
  loadMore: () => Promise<void>;
  loadingMore: boolean;
  loadMoreError: string | null;
};

export type FeedBodyProps = {
  live: FeedStatus;
  /** What a row is: [one, many], e.g. ["order", "orders"]. */
  noun: [string, string];
  /** Shown while the first page loads. */
  skeleton: ReactNode;
  /** The title when the first page failed, e.g. "Orders didn't load". */
  errorTitle: string;
  /** Shown when there are no rows (no match, or nothing yet). */
  empty: ReactNode;
  table: ReactNode;
};

/** A feed's body in its four states: loading, failed, empty, and the table with its Load more footer. */
export function FeedBody({ live, noun, skeleton, errorTitle, empty, table }: FeedBodyProps) {
  if (live.pending) return <Card className="overflow-hidden">{skeleton}</Card>;
  if (live.error && !live.stale) return <ListLoadError title={errorTitle} error={live.error} retry={live.retry} />;
  if (live.rows.length === 0) return empty;
  return (
    <>
      <Card className="overflow-hidden">{table}</Card>
      <LoadMoreFooter live={live} noun={noun} />
    </>
  );
}

/** A feed's first page failed (nothing earlier to show): what failed, why, and a retry. */
function ListLoadError({ title, error, retry }: { title: string; error: unknown; retry: () => void }) {
  return (
    <EmptyState
      icon={<TriangleAlertIcon className="text-amber-600 dark:text-amber-400" />}
      title={title}
      description={errorMessage(error)}
      action={
        <Button variant="primary" leadingIcon={<RotateCwIcon />} onClick={retry}>
          Try again
        </Button>
      }
    />
  );
}

/** Below the table: how many rows are shown, then "Load more" or the end (the last older page's error above). */
function LoadMoreFooter({ live, noun }: { live: FeedStatus; noun: [string, string] }) {
  const shown = live.rows.length;
  return (
    <>
      {live.loadMoreError ? <Alert tone="error">{live.loadMoreError}</Alert> : null}
      <div className="text-fg-subtle flex items-center justify-between gap-3 text-xs">
        <span>
          {formatCount(shown)} {shown === 1 ? noun[0] : noun[1]} shown
        </span>
        {live.hasMore ? (
          <Button size="sm" onClick={() => void live.loadMore()} loading={live.loadingMore}>
            Load more
          </Button>
        ) : (
          <span>That&apos;s everything.</span>
        )}
      </div>
    </>
  );
}
