import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatCount } from "@/lib/format/numbers";

export type LoadMoreFooterProps = {
  /** Rows on screen. */
  shown: number;
  /** What a row is: [one, many], e.g. ["order", "orders"]. */
  noun: [string, string];
  hasMore: boolean;
  loadMore: () => Promise<void>;
  loadingMore: boolean;
  loadMoreError: string | null;
};

/** Below a live list: how many rows are shown, then "Load more" or the end (the last older page's error above). */
export function LoadMoreFooter({ shown, noun, hasMore, loadMore, loadingMore, loadMoreError }: LoadMoreFooterProps) {
  return (
    <>
      {loadMoreError ? <Alert tone="error">{loadMoreError}</Alert> : null}
      <div className="text-fg-subtle flex items-center justify-between gap-3 text-xs">
        <span>
          {formatCount(shown)} {shown === 1 ? noun[0] : noun[1]} shown
        </span>
        {hasMore ? (
          <Button size="sm" onClick={() => void loadMore()} loading={loadingMore}>
            Load more
          </Button>
        ) : (
          <span>That&apos;s everything.</span>
        )}
      </div>
    </>
  );
}
