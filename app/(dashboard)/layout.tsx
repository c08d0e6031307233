import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";

// The session lookup (user, stores, current store) lands here and is passed to AppShell.
export default function DashboardLayout({ children }: { children: ReactNode }) {
  return <AppShell>{children}</AppShell>;
}
