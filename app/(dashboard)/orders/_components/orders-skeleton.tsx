import { Skeleton } from "@/components/ui/skeleton";

const ROWS = 10;

/** The feed table's shape while the first page loads. */
export function OrdersTableSkeleton() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading orders…</span>
      <div className="border-line bg-surface-2/60 flex h-9 items-center gap-6 border-b px-3">
        <Skeleton className="size-4" />
        <Skeleton className="h-3 w-12" />
        <Skeleton className="h-3 w-16" />
        <Skeleton className="hidden h-3 w-14 md:block" />
        <Skeleton className="ml-auto h-3 w-14" />
        <Skeleton className="hidden h-3 w-12 sm:block" />
      </div>
      <div className="divide-line divide-y">
        {Array.from({ length: ROWS }, (_, row) => (
          <div key={row} className="flex h-[3.25rem] items-center gap-6 px-3">
            <Skeleton className="size-4" />
            <div className="space-y-1.5">
              <Skeleton className="h-3.5 w-16" />
              <Skeleton className="h-3 w-24" />
            </div>
            <div className="min-w-0 flex-1 space-y-1.5">
              <Skeleton className="h-3.5 w-32 max-w-full" />
              <Skeleton className="h-3 w-14" />
            </div>
            <div className="hidden items-center gap-2 md:flex">
              <Skeleton className="size-7" />
              <Skeleton className="h-3.5 w-36" />
            </div>
            <Skeleton className="h-3.5 w-16" />
            <Skeleton className="hidden h-5 w-20 rounded-full sm:block" />
          </div>
        ))}
      </div>
    </div>
  );
}
