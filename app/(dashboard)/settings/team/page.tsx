import type { Metadata } from "next";
import { OwnersOnly } from "@/components/settings/owners-only";
import { getStoreSettings, listPendingInvites, listTeam } from "@/lib/stores/queries";
import { InvitesCard } from "./_components/invites-card";
import { TeamCard } from "./_components/team-card";

export const metadata: Metadata = { title: "Team · Settings" };

export default async function TeamSettingsPage() {
  const settings = await getStoreSettings();
  if (settings.role !== "owner") return <OwnersOnly what="manage the team and invites" storeName={settings.name} />;
  const [team, invites] = await Promise.all([listTeam(), listPendingInvites()]);
  return (
    <div className="flex flex-col gap-6" key={settings.id}>
      <TeamCard storeId={settings.id} members={team.map((member) => ({ ...member, joinedAt: member.joinedAt.toISOString() }))} />
      <InvitesCard
        storeId={settings.id}
        storeName={settings.name}
        invites={invites.map((invite) => ({
          ...invite,
          createdAt: invite.createdAt.toISOString(),
          expiresAt: invite.expiresAt.toISOString(),
        }))}
      />
    </div>
  );
}
