import { Card } from "@/components/ui/card";
import { LoadingStatus } from "@/components/ui/loading-status";
import { Skeleton } from "@/components/ui/skeleton";
import { DeliveriesTableSkeleton } from "./_components/deliveries-table-skeleton";

export default function Loading() {
  return (
    <LoadingStatus label="Loading deliveries…">
      <div className="flex flex-wrap gap-2">
        <Skeleton className="h-8 w-72 max-w-full" />
        <Skeleton className="h-8 w-32" />
        <Skeleton className="h-8 w-32" />
      </div>
      <Card className="overflow-hidden">
        <DeliveriesTableSkeleton />
      </Card>
    </LoadingStatus>
  );
}
