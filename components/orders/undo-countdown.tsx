"use client";

import { useClock } from "@/components/ui/use-clock";

/** "Sending to TribeMade in 4 s": how long Undo still works (TribeMade emails the customer once sent). */
export function UndoCountdown({ until, customerName }: { until: number; customerName?: string }) {
  const now = useClock(250);
  const seconds = Math.max(0, Math.ceil((until - now) / 1000));
  const who = customerName ? `${customerName} is emailed` : "the customer is emailed";
  return (
    <span className="tabular-nums">
      {seconds > 0 ? `Sent to TribeMade in ${seconds} s; then ${who}.` : `Sending to TribeMade; ${who}.`}
    </span>
  );
}
