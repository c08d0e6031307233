import { Card } from "@/components/ui/card";
import { FiguresSkeleton, ListSkeleton, PageSkeleton } from "@/components/ui/page-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

/** The outbox's shape while it loads: header, four figures, budgets and drains, a list. */
export default function Loading() {
  return (
    <PageSkeleton title="the outbox" actions={1}>
      <FiguresSkeleton />
      <div className="grid gap-4 lg:grid-cols-5">
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
      <ListSkeleton rows={4} />
    </PageSkeleton>
  );
}
