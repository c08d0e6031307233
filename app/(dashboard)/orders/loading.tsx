import { Card } from "@/components/ui/card";
import { PageSkeleton } from "@/components/ui/page-skeleton";
import { Skeleton } from "@/components/ui/skeleton";
import { GlanceSkeleton } from "./_components/orders-glance";
import { OrdersTableSkeleton } from "./_components/orders-skeleton";

export default function Loading() {
  return (
    <PageSkeleton title="orders" actions={2}>
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
    </PageSkeleton>
  );
}
