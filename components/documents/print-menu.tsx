"use client";

import { ChevronDownIcon, FileTextIcon, PrinterIcon, ReceiptIndianRupeeIcon, StickyNoteIcon, TagIcon } from "lucide-react";
import type { ReactNode } from "react";
import { StateDialog } from "@/components/documents/state-dialog";
import { usePrintDocuments } from "@/components/documents/use-print-documents";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { DOCUMENT_NAMES, type DocumentKind, type PrintTarget } from "@/lib/documents/schemas";

const ITEMS: Array<{ kind: DocumentKind; icon: ReactNode }> = [
  { kind: "label", icon: <TagIcon /> },
  { kind: "label-sheet", icon: <StickyNoteIcon /> },
  { kind: "slip-a4", icon: <FileTextIcon /> },
  { kind: "slip-a5", icon: <FileTextIcon /> },
  { kind: "invoice", icon: <ReceiptIndianRupeeIcon /> },
];

export type PrintMenuProps = {
  target: PrintTarget;
  /** What the menu's items are printed for ("1 order", "12 selected"), shown at its top. */
  scope: string;
  size?: "sm" | "md";
  onPrinted?: () => void;
};

/** "Print ▾": labels, packing slips or invoices for an order, a selection or a filter, as one PDF. */
export function PrintMenu({ target, scope, size = "md", onPrinted }: PrintMenuProps) {
  const printing = usePrintDocuments(onPrinted);
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button
            size={size}
            leadingIcon={<PrinterIcon />}
            trailingIcon={<ChevronDownIcon />}
            loading={printing.pending !== null}
          >
            Print
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="min-w-64">
          <DropdownMenuLabel>{scope}</DropdownMenuLabel>
          <DropdownMenuSeparator />
          {ITEMS.map(({ kind, icon }) => (
            <DropdownMenuItem key={kind} onSelect={() => void printing.print({ document: kind, target })}>
              {icon}
              {DOCUMENT_NAMES[kind]}
            </DropdownMenuItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
      {printing.asking ? (
        <StateDialog
          orders={printing.asking.orders}
          onCancel={printing.dismiss}
          onSubmit={(states) => {
            const request = printing.asking?.request;
            if (request) void printing.print({ ...request, states: { ...request.states, ...states } });
          }}
        />
      ) : null}
    </>
  );
}
