"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { Sidebar } from "@/components/shell/sidebar";
import { Button } from "@/components/ui/button";
import { CloseIcon, MenuIcon } from "@/components/ui/icons";

/** Below the lg breakpoint: a menu button opening the sidebar as a drawer (native modal
 * <dialog>: focus trap, Escape and inert background come from the browser). */
export function MobileNav() {
  const ref = useRef<HTMLDialogElement>(null);
  const pathname = usePathname();

  // Close after navigation (also covers links that point at the current page).
  useEffect(() => {
    ref.current?.close();
  }, [pathname]);

  return (
    <>
      <Button
        variant="ghost"
        size="icon"
        aria-label="Open navigation"
        className="-ml-1.5 lg:hidden"
        onClick={() => ref.current?.showModal()}
      >
        <MenuIcon />
      </Button>
      <dialog
        ref={ref}
        aria-label="Navigation"
        onClick={(event) => {
          if (event.target === event.currentTarget) event.currentTarget.close();
        }}
        className="border-line bg-panel text-fg open:animate-drawer-in fixed inset-y-0 left-0 m-0 h-dvh max-h-none w-72 max-w-[85vw] border-r p-0 shadow-2xl lg:hidden"
      >
        <div className="relative h-full">
          <Sidebar onNavigate={() => ref.current?.close()} />
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label="Close navigation"
            className="absolute top-3.5 right-3"
            onClick={() => ref.current?.close()}
          >
            <CloseIcon />
          </Button>
        </div>
      </dialog>
    </>
  );
}
