import { Card } from "@/components/ui/card";
import { PageSkeleton } from "@/components/ui/page-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <PageSkeleton title="the delivery" back>
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card className="space-y-3 p-4 lg:col-start-3 lg:row-start-1">
          {Array.from({ length: 6 }, (_, index) => (
            <Skeleton key={index} className="h-4 w-full" />
          ))}
        </Card>
        <Card className="space-y-2 p-4 lg:col-span-2 lg:col-start-1 lg:row-start-1">
          {Array.from({ length: 12 }, (_, index) => (
            <Skeleton key={index} className={index % 3 === 2 ? "h-3.5 w-2/3" : "h-3.5 w-full"} />
          ))}
        </Card>
      </div>
    </PageSkeleton>
  );
}
