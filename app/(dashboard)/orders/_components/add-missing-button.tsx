"use client";

import { ListPlus } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { AddMissingDialog } from "./add-missing-dialog";

/** Opens "Add missing orders"; the refused-deliveries banner links here with ?add=missing. */
export function AddMissingButton() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const [open, setOpen] = useState(() => params.get("add") === "missing");

  function change(next: boolean) {
    setOpen(next);
    if (next || params.get("add") !== "missing") return;
    const rest = new URLSearchParams(params);
    rest.delete("add");
    router.replace(rest.size > 0 ? `${pathname}?${rest}` : pathname, { scroll: false });
  }

  return (
    <>
      <Button leadingIcon={<ListPlus />} onClick={() => change(true)}>
        Add missing orders
      </Button>
      <AddMissingDialog open={open} onOpenChange={change} />
    </>
  );
}
