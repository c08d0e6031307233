"use client";

import { SectionError } from "@/components/ui/section-error";

export default function Error({ error, retry }: { error: unknown; retry: () => void }) {
  return <SectionError error={error} retry={retry} what="This product" detail="stock changes already queued keep being sent" />;
}
