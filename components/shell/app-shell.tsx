import Link from "next/link";
import type { ReactNode } from "react";
import { LogoMark } from "@/components/shell/logo-mark";
import { MobileNav } from "@/components/shell/mobile-nav";
import type { ShellStore, ShellUser } from "@/components/shell/shell-types";
import { Sidebar } from "@/components/shell/sidebar";
import { StoreSwitcher } from "@/components/shell/store-switcher";
import { UserMenu } from "@/components/shell/user-menu";

export type AppShellProps = {
  /** The signed-in user; absent or null shows a "Sign in" button. */
  user?: ShellUser | null;
  /** Stores the user belongs to; the switcher shows a menu when there are two or more. */
  stores?: ShellStore[];
  currentStoreId?: string;
  /** Switches store (a server action is fine). Without it the current store is shown read-only. */
  onSelectStore?: (storeId: string) => void | Promise<void>;
  /** Signs out (a server action is fine). Without it the menu links to /api/auth/signout. */
  onSignOut?: () => void | Promise<void>;
  /** Replace the built-in store switcher or user menu entirely. */
  storeSwitcher?: ReactNode;
  userMenu?: ReactNode;
  children: ReactNode;
};

/** The dashboard frame: fixed sidebar on large screens, a drawer below; top bar with the store
 * switcher and the user menu; the page in <main id="main">. */
export function AppShell({
  user,
  stores,
  currentStoreId,
  onSelectStore,
  onSignOut,
  storeSwitcher,
  userMenu,
  children,
}: AppShellProps) {
  return (
    <div className="bg-canvas min-h-dvh text-sm">
      <a
        href="#main"
        className="bg-surface text-fg sr-only z-50 rounded-md px-3 py-2 font-medium shadow-lg focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <aside className="border-line bg-panel fixed inset-y-0 left-0 z-30 hidden w-60 border-r lg:block">
        <Sidebar />
      </aside>
      <div className="flex min-h-dvh flex-col lg:pl-60">
        <header className="border-line bg-canvas/85 supports-[backdrop-filter]:bg-canvas/70 sticky top-0 z-20 flex h-14 shrink-0 items-center gap-2 border-b px-4 backdrop-blur-md sm:px-6 lg:px-8">
          <MobileNav />
          <Link href="/orders" aria-label="Tribedesk" className="shrink-0 rounded-md lg:hidden">
            <LogoMark className="size-6" />
          </Link>
          <svg viewBox="0 0 16 24" className="text-line-strong h-6 w-3 shrink-0 lg:hidden" aria-hidden="true">
            <path d="M11 3 5 21" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
          </svg>
          <div className="min-w-0 flex-1">
            {storeSwitcher ?? <StoreSwitcher stores={stores} currentStoreId={currentStoreId} onSelectStore={onSelectStore} />}
          </div>
          <div className="flex shrink-0 items-center gap-2">{userMenu ?? <UserMenu user={user} onSignOut={onSignOut} />}</div>
        </header>
        <main id="main" tabIndex={-1} className="flex-1 px-4 py-6 outline-hidden sm:px-6 lg:px-8 lg:py-8">
          <div className="mx-auto w-full max-w-6xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
