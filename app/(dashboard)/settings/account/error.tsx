"use client";

import { SettingsError } from "@/app/(dashboard)/settings/_components/settings-error";

export default function Error({ retry }: { error: unknown; retry: () => void }) {
  return <SettingsError retry={retry} />;
}
