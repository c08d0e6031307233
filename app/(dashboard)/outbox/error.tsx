"use client";

import { SectionError } from "@/components/ui/section-error";

export default function Error({ error, retry }: { error: unknown; retry: () => void }) {
  return <SectionError error={error} retry={retry} what="The outbox" detail="queued messages keep being sent" />;
}
