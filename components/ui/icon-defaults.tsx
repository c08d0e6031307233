"use client";

import { LucideProvider } from "lucide-react";
import type { ReactNode } from "react";

/**
 * Every lucide-react icon below this is 16 px with a 1.75 stroke unless it says otherwise: the size
 * of body text in this dense UI, and a stroke that stays crisp at that size. A `size-*` class wins.
 */
export function IconDefaults({ children }: { children: ReactNode }) {
  return (
    <LucideProvider size={16} strokeWidth={1.75}>
      {children}
    </LucideProvider>
  );
}
