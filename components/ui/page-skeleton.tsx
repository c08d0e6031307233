import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { LoadingStatus } from "@/components/ui/loading-status";
import { Skeleton } from "@/components/ui/skeleton";

// A dashboard page's shape while it loads: the page header's placeholder (and a back link's, on a
// detail page), then the segment's own body. Every loading.tsx starts from this, so the header does
// not jump between the skeleton and the page.

export type PageSkeletonProps = {
  /** What is loading, read once by screen readers: "customers" is announced "Loading customers…". */
  title: string;
  /** A detail page: the back link above the title. */
  back?: boolean;
  /** Buttons on the header's right. */
  actions?: number;
  children?: ReactNode;
};

export function PageSkeleton({ title, back = false, actions = 0, children }: PageSkeletonProps) {
  return (
    <LoadingStatus label={`Loading ${title}…`}>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0 flex-1 space-y-2">
          {back ? <Skeleton className="h-3 w-20" /> : null}
          <Skeleton className="h-6 w-56 max-w-full" />
          <Skeleton className="h-4 w-80 max-w-full" />
        </div>
        {actions > 0 ? (
          <div className="flex gap-2">
            {Array.from({ length: actions }, (_, action) => (
              <Skeleton key={action} className="h-8 w-24" />
            ))}
          </div>
        ) : null}
      </div>
      {children}
    </LoadingStatus>
  );
}

/** A card of `rows` full-width placeholder rows: a list or a table. */
export function ListSkeleton({ rows, rowClassName = "h-8" }: { rows: number; rowClassName?: string }) {
  return (
    <Card className="space-y-3 p-4">
      {Array.from({ length: rows }, (_, row) => (
        <Skeleton key={row} className={cn("w-full", rowClassName)} />
      ))}
    </Card>
  );
}

/** The row of four figure cards (counts, totals) many pages open with; `cardClassName` sets their padding. */
export function FiguresSkeleton({ cardClassName = "p-4" }: { cardClassName?: string }) {
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {[0, 1, 2, 3].map((figure) => (
        <Card key={figure} className={cn("space-y-2", cardClassName)}>
          <Skeleton className="h-3 w-20" />
          <Skeleton className="h-7 w-12" />
          <Skeleton className="h-3 w-28 max-w-full" />
        </Card>
      ))}
    </div>
  );
}
