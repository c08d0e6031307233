import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

/** The outbox's shape while it loads: header, four figures, budgets and drains, a list. */
export default function OutboxLoading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading the outbox…</span>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-2">
          <Skeleton className="h-6 w-28" />
          <Skeleton className="h-4 w-96 max-w-full" />
        </div>
        <Skeleton className="h-8 w-28" />
      </div>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {[0, 1, 2, 3].map((key) => (
          <Card key={key} className="space-y-2 p-4">
            <Skeleton className="h-3 w-20" />
            <Skeleton className="h-7 w-12" />
            <Skeleton className="h-3 w-28" />
          </Card>
        ))}
      </div>
      <div className="mt-4 grid gap-4 lg:grid-cols-5">
        <Card className="space-y-4 p-4 lg:col-span-2">
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-2 w-full" />
          <Skeleton className="h-2 w-full" />
        </Card>
        <Card className="space-y-3 p-4 lg:col-span-3">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-36 w-full" />
        </Card>
      </div>
      <Card className="mt-4 space-y-3 p-4">
        {[0, 1, 2, 3].map((key) => (
          <Skeleton key={key} className="h-8 w-full" />
        ))}
      </Card>
    </div>
  );
}
