import { Card } from "@/components/ui/card";
import { LoadingStatus } from "@/components/ui/loading-status";
import { Skeleton } from "@/components/ui/skeleton";
import { GlanceSkeleton } from "./_components/orders-glance";
import { OrdersTableSkeleton } from "./_components/orders-skeleton";

export default function Loading() {
  return (
    <LoadingStatus label="Loading orders…">
      <div className="mb-1 flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-2">
          <Skeleton className="h-6 w-24" />
          <Skeleton className="h-4 w-72 max-w-full" />
        </div>
        <div className="flex gap-2">
          <Skeleton className="h-8 w-20" />
          <Skeleton className="h-8 w-28" />
        </div>
      </div>
      <GlanceSkeleton />
      <div className="border-line flex gap-4 border-b pb-2.5">
        {["w-8", "w-20", "w-20", "w-20", "w-16", "w-16"].map((width, index) => (
          <Skeleton key={index} className={`h-4 ${width}`} />
        ))}
      </div>
      <div className="flex flex-wrap gap-2">
        <Skeleton className="h-8 w-80 max-w-full" />
        <Skeleton className="h-8 w-28" />
        <Skeleton className="h-8 w-32" />
      </div>
      <Card className="overflow-hidden">
        <OrdersTableSkeleton />
      </Card>
    </LoadingStatus>
  );
}
