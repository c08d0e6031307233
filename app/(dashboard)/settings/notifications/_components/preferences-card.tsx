"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Switch } from "@/components/ui/switch";
import { savePreference } from "@/lib/notifications/actions";
import type { PreferenceView } from "@/lib/notifications/schemas";
import { TOPIC_INFO, type Channel } from "@/lib/notifications/topics";

type Props = { storeId: string; preferences: PreferenceView[]; pushEnabled: boolean; emailEnabled: boolean };

/** What this member is told, per kind and channel. Saved on each switch. */
export function PreferencesCard({ storeId, preferences, pushEnabled, emailEnabled }: Props) {
  const router = useRouter();
  const [saving, setSaving] = useState<string | null>(null);

  async function toggle(topic: PreferenceView["topic"], channel: Channel, enabled: boolean) {
    setSaving(`${topic}:${channel}`);
    const result = await savePreference({ storeId, topic, channel, enabled }).catch(() => null);
    setSaving(null);
    if (!result) return void toast.error("We couldn't reach Tribedesk. Check your connection and try again.");
    if (!result.ok) return void toast.error(result.error.message);
    router.refresh();
  }

  const off = [!pushEnabled && "push", !emailEnabled && "email"].filter(Boolean);
  return (
    <Card>
      <CardHeader
        title="What you're told"
        description="Alerts come once when something goes wrong and once when it is resolved. Each person chooses their own."
      />
      <CardContent>
        {off.length > 0 ? (
          <p className="text-fg-muted mb-3 text-sm">
            {off.join(" and ")} {off.length > 1 ? "are" : "is"} not set up on this deployment: those choices are kept for when it
            is.
          </p>
        ) : null}
        <table className="w-full text-sm">
          <thead>
            <tr className="text-fg-muted text-left text-xs">
              <th scope="col" className="py-2 font-medium">
                Notification
              </th>
              <th scope="col" className="w-20 py-2 text-center font-medium">
                Push
              </th>
              <th scope="col" className="w-20 py-2 text-center font-medium">
                Email
              </th>
            </tr>
          </thead>
          <tbody className="divide-line divide-y">
            {preferences.map((row) => (
              <tr key={row.topic}>
                <th scope="row" className="py-3 pr-3 text-left font-normal">
                  <span className="text-fg block font-medium">{TOPIC_INFO[row.topic].label}</span>
                  <span className="text-fg-muted block text-xs">{TOPIC_INFO[row.topic].description}</span>
                </th>
                {(["push", "email"] as const).map((channel) => (
                  <td key={channel} className="py-3 text-center">
                    {row[channel] === null ? (
                      <span className="text-fg-muted" aria-label={`No ${channel} for this`}>
                        —
                      </span>
                    ) : (
                      <Switch
                        className="justify-center"
                        checked={row[channel]}
                        disabled={saving === `${row.topic}:${channel}`}
                        onCheckedChange={(enabled) => toggle(row.topic, channel, enabled)}
                        aria-label={`${TOPIC_INFO[row.topic].label} by ${channel}`}
                      />
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </CardContent>
    </Card>
  );
}
