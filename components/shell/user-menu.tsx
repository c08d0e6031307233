"use client";

import { LogOutIcon, SettingsIcon } from "lucide-react";
import Link from "next/link";
import type { ShellUser } from "@/components/shell/shell-types";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export type UserMenuProps = {
  user?: ShellUser | null;
  /** Sign-out handler (e.g. a server action, or next-auth's signOut). Without it, the menu links
   * to next-auth's own sign-out page. */
  onSignOut?: () => void | Promise<void>;
};

function initials(name: string, email: string) {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length >= 2 ? `${words[0]![0]}${words[words.length - 1]![0]}` : (words[0] ?? email).slice(0, 2);
  return letters.toUpperCase();
}

export function UserMenu({ user, onSignOut }: UserMenuProps) {
  if (!user) {
    return (
      <Button href="/login" variant="secondary" size="sm">
        Sign in
      </Button>
    );
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger className="flex size-8 items-center justify-center rounded-full">
        <span
          aria-hidden="true"
          className="ring-canvas flex size-7 items-center justify-center rounded-full bg-gradient-to-br from-indigo-500 to-violet-500 text-[11px] font-semibold text-white ring-2"
        >
          {initials(user.name, user.email)}
        </span>
        <span className="sr-only">Account menu for {user.name}</span>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="min-w-56">
        <div className="border-line mb-1 min-w-0 border-b px-2 pt-1.5 pb-2">
          <p className="text-fg truncate text-sm font-medium">{user.name}</p>
          <p className="text-fg-muted truncate text-xs">{user.email}</p>
        </div>
        <DropdownMenuItem asChild>
          <Link href="/settings">
            <SettingsIcon />
            Settings
          </Link>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        {onSignOut ? (
          <DropdownMenuItem onSelect={() => void onSignOut()}>
            <LogOutIcon />
            Sign out
          </DropdownMenuItem>
        ) : (
          <DropdownMenuItem asChild>
            <Link href="/api/auth/signout">
              <LogOutIcon />
              Sign out
            </Link>
          </DropdownMenuItem>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
