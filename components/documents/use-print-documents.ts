"use client";

import { useState } from "react";
import { toast } from "sonner";
import type { DocumentKind, PrintTarget, StateNeeded } from "@/lib/documents/schemas";

// Asks the server for a PDF (POST /api/documents) and saves it as a download. fetch rather than a
// form post, so a refusal (too many orders, a state to choose) shows here as a message instead of
// replacing the page with an error body. The server streams; the browser keeps the file (a few MB
// for 500 labels) until it is saved.

export type PrintRequest = { document: DocumentKind; target: PrintTarget; states?: Record<string, string> };

type ErrorBody = { message?: string; details?: { reason?: string; orders?: StateNeeded[] } };

function filenameOf(response: Response): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "");
  return match?.[1] ?? "tribedesk.pdf";
}

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function usePrintDocuments(onPrinted?: () => void) {
  const [pending, setPending] = useState<DocumentKind | null>(null);
  /** Orders whose invoice needs a state, with the request to send again once chosen. */
  const [asking, setAsking] = useState<{ request: PrintRequest; orders: StateNeeded[] } | null>(null);

  async function print(request: PrintRequest) {
    setPending(request.document);
    setAsking(null);
    try {
      const response = await fetch("/api/documents", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(request),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as ErrorBody;
        if (body.details?.reason === "state_needed" && body.details.orders) {
          setAsking({ request, orders: body.details.orders });
          return;
        }
        toast.error(body.message ?? "The PDF could not be made. Try again.");
        return;
      }
      const count = Number(response.headers.get("x-document-count") ?? "0");
      save(await response.blob(), filenameOf(response));
      toast.success(count === 1 ? "PDF ready: 1 order" : `PDF ready: ${count} orders`);
      onPrinted?.();
    } catch {
      toast.error("We couldn't reach Tribedesk. Check your connection and try again.");
    } finally {
      setPending(null);
    }
  }

  return { print, pending, asking, dismiss: () => setAsking(null) };
}
