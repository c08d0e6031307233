import { Card } from "@/components/ui/card";
import { LoadingStatus } from "@/components/ui/loading-status";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <LoadingStatus label="Loading the delivery…">
      <div className="mb-2 space-y-2">
        <Skeleton className="h-3 w-20" />
        <Skeleton className="h-6 w-48" />
        <Skeleton className="h-4 w-64 max-w-full" />
      </div>
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
    </LoadingStatus>
  );
}
