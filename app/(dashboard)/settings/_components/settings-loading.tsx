import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

/** Placeholder for a settings section while its data loads. */
export function SettingsLoading() {
  return (
    <Card aria-busy="true" aria-label="Loading settings">
      <CardContent className="grid gap-5">
        <Skeleton className="h-4 w-40" />
        {[0, 1, 2].map((row) => (
          <div key={row} className="grid gap-2">
            <Skeleton className="h-3.5 w-28" />
            <Skeleton className="h-8 w-full max-w-md" />
          </div>
        ))}
        <Skeleton className="h-8 w-24" />
      </CardContent>
    </Card>
  );
}
