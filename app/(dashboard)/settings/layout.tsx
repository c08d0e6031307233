import type { ReactNode } from "react";
import { PlusIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsTabs } from "./_components/settings-tabs";

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <PageHeader
        title="Settings"
        description="Your store, its TribeMade connection and the people who work it."
        actions={
          <Button href="/onboarding" leadingIcon={<PlusIcon />}>
            Add another store
          </Button>
        }
      />
      <SettingsTabs />
      <div className="mt-6">{children}</div>
    </>
  );
}
