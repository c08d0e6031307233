"use client";

import { MenuIcon, XIcon } from "lucide-react";
import { usePathname } from "next/navigation";
import { Dialog } from "radix-ui";
import { useState } from "react";
import { Sidebar } from "@/components/shell/sidebar";
import { Button } from "@/components/ui/button";

/** Below the lg breakpoint: a menu button opening the sidebar as a drawer (a Radix Dialog, like
 * every modal here: focus trap, Escape, inert and unscrollable page behind). */
export function MobileNav() {
  const pathname = usePathname();
  // Open on the page it was opened on: navigating elsewhere closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const close = () => setOpenOn(null);

  return (
    <Dialog.Root open={openOn === pathname} onOpenChange={(open) => setOpenOn(open ? pathname : null)}>
      <Dialog.Trigger asChild>
        <Button variant="ghost" size="icon" aria-label="Open navigation" className="-ml-1.5 lg:hidden">
          <MenuIcon />
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="bg-overlay data-[state=open]:animate-fade-in fixed inset-0 z-50 lg:hidden" />
        <Dialog.Content
          aria-describedby={undefined}
          className="border-line bg-panel text-fg data-[state=open]:animate-drawer-in fixed inset-y-0 left-0 z-50 h-dvh w-72 max-w-[85vw] border-r shadow-2xl outline-hidden lg:hidden"
        >
          <Dialog.Title className="sr-only">Navigation</Dialog.Title>
          <div className="relative h-full">
            <Sidebar onNavigate={close} />
            <Dialog.Close asChild>
              <Button variant="ghost" size="icon-sm" aria-label="Close navigation" className="absolute top-3.5 right-3">
                <XIcon />
              </Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
