"use client";

import { useTransition } from "react";
import type { ShellStore } from "@/components/shell/shell-types";
import { cn } from "@/components/ui/cn";
import { ChevronsUpDownIcon, StoreIcon } from "@/components/ui/icons";
import { Menu } from "@/components/ui/menu";
import { Spinner } from "@/components/ui/spinner";

export type StoreSwitcherProps = {
  stores?: ShellStore[];
  currentStoreId?: string;
  /** Called with the chosen store's id; a server action is fine (it sets the store and revalidates). */
  onSelectStore?: (storeId: string) => void | Promise<void>;
};

const pill = "flex h-8 max-w-64 items-center gap-2 rounded-md px-2 text-sm font-medium text-fg";

/** The store the dashboard is showing; a menu when the user belongs to more than one. */
export function StoreSwitcher({ stores, currentStoreId, onSelectStore }: StoreSwitcherProps) {
  const [pending, startTransition] = useTransition();
  const current = stores?.find((store) => store.id === currentStoreId) ?? stores?.[0];

  if (!current) {
    return (
      <span className={cn(pill, "text-fg-subtle font-normal")}>
        <StoreIcon className="size-4" />
        No store yet
      </span>
    );
  }

  const badge = (
    <span className="bg-accent/12 dark:bg-accent/25 text-accent-text flex size-5 shrink-0 items-center justify-center rounded text-[11px] font-semibold uppercase">
      {current.name.trim().charAt(0) || "S"}
    </span>
  );

  if (!stores || stores.length < 2 || !onSelectStore) {
    return (
      <span className={pill}>
        {badge}
        <span className="truncate">{current.name}</span>
      </span>
    );
  }

  return (
    <Menu
      triggerLabel={`Store: ${current.name}. Switch store`}
      triggerClassName={cn(pill, "hover:bg-surface-2 aria-expanded:bg-surface-2")}
      trigger={
        <>
          {badge}
          <span className="truncate">{current.name}</span>
          {pending ? <Spinner size="sm" /> : <ChevronsUpDownIcon className="text-fg-subtle size-3.5 shrink-0" />}
        </>
      }
      items={[
        { type: "label", label: "Stores" },
        ...stores.map((store) => ({
          label: store.name,
          checked: store.id === current.id,
          onSelect: () => {
            if (store.id !== current.id) startTransition(async () => onSelectStore(store.id));
          },
        })),
      ]}
    />
  );
}
