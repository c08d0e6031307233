import { Card } from "@/components/ui/card";
import { LoadingStatus } from "@/components/ui/loading-status";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <LoadingStatus label="Loading customers…">
      <div className="space-y-2">
        <Skeleton className="h-6 w-32" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <Skeleton className="h-8 w-80 max-w-full" />
      <Card className="space-y-3 p-4">
        {Array.from({ length: 8 }, (_, row) => (
          <Skeleton key={row} className="h-8 w-full" />
        ))}
      </Card>
    </LoadingStatus>
  );
}
