"use client";

import { useEffect, useState } from "react";

/** "Sending to TribeMade in 4 s": how long Undo still works (TribeMade emails the customer once sent). */
export function UndoCountdown({ until, customerName }: { until: number; customerName?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((until - now) / 1000));
  const who = customerName ? `${customerName} is emailed` : "the customer is emailed";
  return (
    <span className="tabular-nums">
      {seconds > 0 ? `Sent to TribeMade in ${seconds} s; then ${who}.` : `Sending to TribeMade; ${who}.`}
    </span>
  );
}
