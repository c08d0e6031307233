"use client";

import { useTransition } from "react";
import { ChevronsUpDownIcon, StoreIcon } from "lucide-react";
import type { ShellStore } from "@/components/shell/shell-types";
import { cn } from "@/components/ui/cn";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
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
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label={`Store: ${current.name}. Switch store`}
        className={cn(pill, "hover:bg-surface-2 aria-expanded:bg-surface-2")}
      >
        {badge}
        <span className="truncate">{current.name}</span>
        {pending ? <Spinner size="sm" /> : <ChevronsUpDownIcon className="text-fg-subtle size-3.5 shrink-0" />}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="max-w-80 min-w-56">
        <DropdownMenuLabel>Stores</DropdownMenuLabel>
        <DropdownMenuRadioGroup
          value={current.id}
          onValueChange={(storeId) => {
            if (storeId !== current.id) startTransition(async () => onSelectStore(storeId));
          }}
        >
          {stores.map((store) => (
            <DropdownMenuRadioItem key={store.id} value={store.id}>
              <span className="min-w-0 flex-1 truncate">{store.name}</span>
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
