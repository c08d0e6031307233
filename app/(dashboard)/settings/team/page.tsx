import type { Metadata } from "next";
import { OwnersOnly } from "@/components/settings/owners-only";
import { requireMemberPage } from "@/lib/auth/page-guard";
import { isOwner } from "@/lib/auth/require-member";
import { getStoreSettings, listPendingInvites, listTeam } from "@/lib/stores/queries";
import { InvitesCard } from "./_components/invites-card";
import { TeamCard } from "./_components/team-card";

export const metadata: Metadata = { title: "Team · Settings" };

export default async function TeamSettingsPage() {
  const member = await requireMemberPage("/settings/team");
  const settings = await getStoreSettings(member);
  if (!isOwner(member)) return <OwnersOnly what="manage the team and invites" storeName={settings.name} />;
  const [team, invites] = await Promise.all([listTeam(member), listPendingInvites(member)]);
  return (
    <div className="flex flex-col gap-6" key={settings.id}>
      <TeamCard members={team.map((member) => ({ ...member, joinedAt: member.joinedAt.toISOString() }))} />
      <InvitesCard
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
