"use client";

import { TruckIcon } from "lucide-react";
import { usePrintDocuments } from "@/components/documents/use-print-documents";
import { Button } from "@/components/ui/button";

/** "Today's labels": a 4×6 label for every order marked dispatched today (IST), in one PDF. */
export function TodayLabelsButton() {
  const printing = usePrintDocuments();
  return (
    <Button
      leadingIcon={<TruckIcon />}
      loading={printing.pending !== null}
      title="Shipping labels for every order marked dispatched today"
      onClick={() => void printing.print({ document: "label", target: { kind: "dispatched_today" } })}
    >
      Today&apos;s labels
    </Button>
  );
}
