import { Logo } from "@/components/shell/logo";
import { NavLinks } from "@/components/shell/nav-links";
import { ThemeToggle } from "@/components/shell/theme-toggle";

/** Sidebar contents, shared by the fixed desktop sidebar and the mobile drawer. */
export function Sidebar({ onNavigate }: { onNavigate?: () => void }) {
  return (
    <div className="flex h-full flex-col">
      <div className="flex h-14 shrink-0 items-center px-4">
        <Logo href="/orders" />
      </div>
      <div className="flex-1 overflow-y-auto px-2.5 py-3">
        <NavLinks onNavigate={onNavigate} />
      </div>
      <div className="border-line flex shrink-0 items-center justify-between border-t px-4 py-3">
        <span className="text-fg-subtle text-xs">Theme</span>
        <ThemeToggle />
      </div>
    </div>
  );
}
