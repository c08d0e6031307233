"use client";

import { InspectorError } from "../../_components/inspector-error";

export default function Error({ error, retry }: { error: unknown; retry: () => void }) {
  return <InspectorError error={error} retry={retry} what="Metrics" />;
}
