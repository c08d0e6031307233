"use client";

import { MonitorOff, ShieldCheck } from "lucide-react";
import type { ShellUser } from "@/components/shell/shell-types";
import { Button } from "@/components/ui/button";
import { LogOutIcon, SettingsIcon } from "@/components/ui/icons";
import { Menu, type MenuEntry } from "@/components/ui/menu";

export type UserMenuProps = {
  user?: ShellUser | null;
  /** Sign-out handler (e.g. a server action, or next-auth's signOut). Without it, the menu links
   * to next-auth's own sign-out page. */
  onSignOut?: () => void | Promise<void>;
  /** Ends every session of the user (server action); without it the item is not shown. */
  onSignOutEverywhere?: () => void | Promise<void>;
};

function initials(name: string, email: string) {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length >= 2 ? `${words[0]![0]}${words[words.length - 1]![0]}` : (words[0] ?? email).slice(0, 2);
  return letters.toUpperCase();
}

export function UserMenu({ user, onSignOut, onSignOutEverywhere }: UserMenuProps) {
  if (!user) {
    return (
      <Button href="/login" variant="secondary" size="sm">
        Sign in
      </Button>
    );
  }

  const signOut: MenuEntry = onSignOut
    ? { label: "Sign out", icon: <LogOutIcon />, onSelect: () => void onSignOut() }
    : { label: "Sign out", icon: <LogOutIcon />, href: "/api/auth/signout" };

  return (
    <Menu
      align="end"
      triggerClassName="flex size-8 items-center justify-center rounded-full"
      trigger={
        <>
          <span
            aria-hidden="true"
            className="ring-canvas flex size-7 items-center justify-center rounded-full bg-gradient-to-br from-indigo-500 to-violet-500 text-[11px] font-semibold text-white ring-2"
          >
            {initials(user.name, user.email)}
          </span>
          <span className="sr-only">Account menu for {user.name}</span>
        </>
      }
      header={
        <div className="min-w-0">
          <p className="text-fg truncate text-sm font-medium">{user.name}</p>
          <p className="text-fg-muted truncate text-xs">{user.email}</p>
        </div>
      }
      items={[
        { label: "Settings", icon: <SettingsIcon />, href: "/settings" },
        { label: "Account & security", icon: <ShieldCheck />, href: "/settings/account" },
        { type: "separator" },
        signOut,
        ...(onSignOutEverywhere
          ? [{ label: "Sign out of all devices", icon: <MonitorOff />, onSelect: () => void onSignOutEverywhere() }]
          : []),
      ]}
    />
  );
}
