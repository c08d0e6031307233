import { Card } from "@/components/ui/card";
import { PageSkeleton } from "@/components/ui/page-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

const ROWS = 8;

/** Generic dashboard skeleton: a page header and a table, the shape of every dashboard page. */
export default function DashboardLoading() {
  return (
    <PageSkeleton title="the page" actions={1}>
      <div className="flex gap-2">
        <Skeleton className="h-8 w-64 max-w-full" />
        <Skeleton className="h-8 w-24" />
        <Skeleton className="hidden h-8 w-24 sm:block" />
      </div>
      <Card className="overflow-hidden">
        <div className="border-line bg-surface-2/60 flex h-9 items-center gap-6 border-b px-3">
          <Skeleton className="h-3 w-20" />
          <Skeleton className="h-3 w-32" />
          <Skeleton className="hidden h-3 w-16 sm:block" />
          <Skeleton className="ml-auto h-3 w-14" />
        </div>
        <div className="divide-line divide-y">
          {Array.from({ length: ROWS }, (_, row) => (
            <div key={row} className="flex items-center gap-6 px-3 py-3">
              <Skeleton className="h-4 w-20" />
              <div className="min-w-0 flex-1 space-y-1.5">
                <Skeleton className="h-4 w-40 max-w-full" />
                <Skeleton className="h-3 w-24" />
              </div>
              <Skeleton className="hidden h-5 w-20 rounded-full sm:block" />
              <Skeleton className="h-4 w-16" />
            </div>
          ))}
        </div>
      </Card>
    </PageSkeleton>
  );
}
