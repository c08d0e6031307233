"use client";

import { CheckIcon, ChevronRightIcon } from "lucide-react";
import { DropdownMenu as Primitive } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

// Menus on Radix's DropdownMenu (shadcn's parts, in this app's colour tokens). Radix brings what a
// hand-made menu gets wrong: a portal (never clipped by a table or a card), edge-aware positioning
// (flips and shifts at the viewport's edges), arrow keys, type-ahead, Escape with focus returned
// to the trigger, and the WAI-ARIA roles (menu, menuitem, menuitemcheckbox, menuitemradio).
//
//   <DropdownMenu>
//     <DropdownMenuTrigger asChild><Button>Actions</Button></DropdownMenuTrigger>
//     <DropdownMenuContent align="end">
//       <DropdownMenuItem onSelect={rename}>Rename</DropdownMenuItem>
//       <DropdownMenuItem asChild><Link href="/settings">Settings</Link></DropdownMenuItem>
//       <DropdownMenuSeparator />
//       <DropdownMenuItem variant="danger" onSelect={revoke}>Revoke…</DropdownMenuItem>
//     </DropdownMenuContent>
//   </DropdownMenu>

const panel =
  "border-line bg-surface text-fg z-50 min-w-40 overflow-x-hidden overflow-y-auto rounded-lg border p-1 shadow-lg outline-hidden data-[state=open]:animate-fade-in";

const row =
  "relative flex cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-hidden select-none data-[disabled]:pointer-events-none data-[disabled]:opacity-50 [&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4";

export function DropdownMenu(props: ComponentProps<typeof Primitive.Root>) {
  return <Primitive.Root data-slot="dropdown-menu" {...props} />;
}

export function DropdownMenuTrigger(props: ComponentProps<typeof Primitive.Trigger>) {
  return <Primitive.Trigger data-slot="dropdown-menu-trigger" {...props} />;
}

export function DropdownMenuContent({ className, sideOffset = 6, ...props }: ComponentProps<typeof Primitive.Content>) {
  return (
    <Primitive.Portal>
      <Primitive.Content
        data-slot="dropdown-menu-content"
        sideOffset={sideOffset}
        collisionPadding={8}
        className={cn(panel, "max-h-(--radix-dropdown-menu-content-available-height)", className)}
        {...props}
      />
    </Primitive.Portal>
  );
}

export function DropdownMenuGroup(props: ComponentProps<typeof Primitive.Group>) {
  return <Primitive.Group data-slot="dropdown-menu-group" {...props} />;
}

export function DropdownMenuItem({
  className,
  variant = "default",
  inset,
  ...props
}: ComponentProps<typeof Primitive.Item> & { variant?: "default" | "danger"; inset?: boolean }) {
  return (
    <Primitive.Item
      data-slot="dropdown-menu-item"
      data-variant={variant}
      className={cn(
        row,
        inset && "pl-8",
        variant === "danger"
          ? "text-red-600 focus:bg-red-50 dark:text-red-400 dark:focus:bg-red-400/10"
          : "focus:bg-surface-2 [&_svg:not([class*='text-'])]:text-fg-subtle",
        className,
      )}
      {...props}
    />
  );
}

export function DropdownMenuCheckboxItem({ className, children, ...props }: ComponentProps<typeof Primitive.CheckboxItem>) {
  return (
    <Primitive.CheckboxItem
      data-slot="dropdown-menu-checkbox-item"
      className={cn(row, "focus:bg-surface-2 pl-8", className)}
      {...props}
    >
      <span className="absolute left-2 flex size-4 items-center justify-center">
        <Primitive.ItemIndicator>
          <CheckIcon className="text-accent-text size-4" />
        </Primitive.ItemIndicator>
      </span>
      {children}
    </Primitive.CheckboxItem>
  );
}

export function DropdownMenuRadioGroup(props: ComponentProps<typeof Primitive.RadioGroup>) {
  return <Primitive.RadioGroup data-slot="dropdown-menu-radio-group" {...props} />;
}

/** A choice among several (e.g. the current store); the chosen one carries a check at the end. */
export function DropdownMenuRadioItem({ className, children, ...props }: ComponentProps<typeof Primitive.RadioItem>) {
  return (
    <Primitive.RadioItem
      data-slot="dropdown-menu-radio-item"
      className={cn(row, "focus:bg-surface-2 pr-8", className)}
      {...props}
    >
      {children}
      <span className="absolute right-2 flex size-4 items-center justify-center">
        <Primitive.ItemIndicator>
          <CheckIcon className="text-accent-text size-4" />
        </Primitive.ItemIndicator>
      </span>
    </Primitive.RadioItem>
  );
}

export function DropdownMenuLabel({ className, inset, ...props }: ComponentProps<typeof Primitive.Label> & { inset?: boolean }) {
  return (
    <Primitive.Label
      data-slot="dropdown-menu-label"
      className={cn("text-fg-subtle px-2 pt-1.5 pb-1 text-xs font-medium", inset && "pl-8", className)}
      {...props}
    />
  );
}

export function DropdownMenuSeparator({ className, ...props }: ComponentProps<typeof Primitive.Separator>) {
  return (
    <Primitive.Separator data-slot="dropdown-menu-separator" className={cn("bg-line -mx-1 my-1 h-px", className)} {...props} />
  );
}

/** A key hint at the end of an item ("⌘K"); decoration only, the shortcut itself lives elsewhere. */
export function DropdownMenuShortcut({ className, ...props }: ComponentProps<"span">) {
  return (
    <span
      data-slot="dropdown-menu-shortcut"
      className={cn("text-fg-subtle ml-auto text-xs tracking-widest", className)}
      {...props}
    />
  );
}

export function DropdownMenuSub(props: ComponentProps<typeof Primitive.Sub>) {
  return <Primitive.Sub data-slot="dropdown-menu-sub" {...props} />;
}

export function DropdownMenuSubTrigger({
  className,
  inset,
  children,
  ...props
}: ComponentProps<typeof Primitive.SubTrigger> & { inset?: boolean }) {
  return (
    <Primitive.SubTrigger
      data-slot="dropdown-menu-sub-trigger"
      className={cn(row, "focus:bg-surface-2 data-[state=open]:bg-surface-2", inset && "pl-8", className)}
      {...props}
    >
      {children}
      <ChevronRightIcon className="text-fg-subtle ml-auto size-4" />
    </Primitive.SubTrigger>
  );
}

export function DropdownMenuSubContent({ className, ...props }: ComponentProps<typeof Primitive.SubContent>) {
  return (
    <Primitive.Portal>
      <Primitive.SubContent
        data-slot="dropdown-menu-sub-content"
        collisionPadding={8}
        className={cn(panel, className)}
        {...props}
      />
    </Primitive.Portal>
  );
}
