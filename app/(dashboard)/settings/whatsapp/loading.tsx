import { SettingsLoading } from "@/app/(dashboard)/settings/_components/settings-loading";

export default function Loading() {
  return <SettingsLoading />;
}
