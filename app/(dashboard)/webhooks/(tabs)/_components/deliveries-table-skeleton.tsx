import { Skeleton } from "@/components/ui/skeleton";

const ROWS = 10;

export function DeliveriesTableSkeleton() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading deliveries…</span>
      <div className="border-line bg-surface-2/60 flex h-9 items-center gap-8 border-b px-3">
        <Skeleton className="h-3 w-16" />
        <Skeleton className="h-3 w-14" />
        <Skeleton className="h-3 w-12" />
        <Skeleton className="hidden h-3 w-16 md:block" />
        <Skeleton className="ml-auto hidden h-3 w-10 sm:block" />
      </div>
      <div className="divide-line divide-y">
        {Array.from({ length: ROWS }, (_, row) => (
          <div key={row} className="flex h-10 items-center gap-8 px-3">
            <Skeleton className="h-3.5 w-28" />
            <Skeleton className="h-5 w-20 rounded-full" />
            <Skeleton className="h-3.5 w-16" />
            <Skeleton className="hidden h-3.5 w-32 md:block" />
            <Skeleton className="ml-auto hidden h-3.5 w-12 sm:block" />
          </div>
        ))}
      </div>
    </div>
  );
}
