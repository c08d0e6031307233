"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { Select } from "@/components/ui/select";
import { changeMemberRole, removeMember } from "@/lib/stores/actions";
import { formatDate } from "@/lib/format/dates";
import { RotateCredentialsDialog } from "./rotate-credentials-dialog";

export type TeamRow = {
  membershipId: string;
  name: string;
  email: string;
  role: "owner" | "staff";
  joinedAt: string;
  isYou: boolean;
};

type TeamChange = Awaited<ReturnType<typeof removeMember>>;

const OFFLINE = "We couldn't reach Tribedesk. Check your connection and try again.";

/** `storeId`: the store this card was rendered for; a change aimed at another one is refused. */
export function TeamCard({ storeId, members }: { storeId: string; members: TeamRow[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TeamRow | null>(null);
  /** The name of an owner who just went: their copies of the webhook URLs and secret still work. */
  const [formerOwner, setFormerOwner] = useState<string | null>(null);

  async function run(member: TeamRow, call: () => Promise<TeamChange>) {
    setBusy(member.membershipId);
    setError(null);
    const result = await call().catch(() => null);
    setBusy(null);
    if (!result) setError(OFFLINE);
    else if (!result.ok) setError(result.error.message);
    else {
      if (result.data.rotateCredentials) setFormerOwner(member.name);
      router.refresh();
    }
    return result?.ok ?? false;
  }

  return (
    <Card>
      <CardHeader title="Members" description="Owners manage the API key, webhooks, team and retention. Staff work orders." />
      {error ? (
        <div className="px-4 pt-4">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      <ul className="divide-line divide-y">
        {members.map((member) => (
          <li key={member.membershipId} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
            <div className="min-w-0 flex-1 basis-48">
              <div className="flex items-center gap-2">
                <span className="text-fg truncate font-medium">{member.name}</span>
                {member.isYou ? <Badge>You</Badge> : null}
              </div>
              <div className="text-fg-muted truncate text-xs">
                {member.email} · joined {formatDate(member.joinedAt)}
              </div>
            </div>
            <div className="flex items-center gap-2">
              <Select
                aria-label={`Role of ${member.name}`}
                value={member.role}
                disabled={busy !== null}
                wrapperClassName="w-28"
                onChange={(event) => {
                  const role = event.target.value === "owner" ? "owner" : "staff";
                  void run(member, () => changeMemberRole({ storeId, membershipId: member.membershipId, role }));
                }}
              >
                <option value="owner">Owner</option>
                <option value="staff">Staff</option>
              </Select>
              <Button
                variant="ghost"
                size="sm"
                className="w-16"
                loading={busy === member.membershipId}
                disabled={busy !== null}
                onClick={() => setRemoving(member)}
              >
                {member.isYou ? "Leave" : "Remove"}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <Dialog
        open={removing !== null}
        onOpenChange={(open) => (open ? null : setRemoving(null))}
        title={removing?.isYou ? "Leave this store?" : `Remove ${removing?.name ?? ""}?`}
        description={
          removing?.isYou
            ? "You will lose access to this store at once. An owner can invite you back."
            : "They lose access to this store at once. Their account stays, and you can invite them again."
        }
        size="sm"
        footer={
          <>
            <Button variant="ghost" onClick={() => setRemoving(null)}>
              Cancel
            </Button>
            <Button
              variant="danger"
              loading={busy !== null}
              onClick={async () => {
                const target = removing;
                if (!target) return;
                setRemoving(null);
                const ok = await run(target, () => removeMember({ storeId, membershipId: target.membershipId }));
                if (ok && target.isYou) router.push("/orders");
              }}
            >
              {removing?.isYou ? "Leave store" : "Remove"}
            </Button>
          </>
        }
      />
      <RotateCredentialsDialog formerOwner={formerOwner} onClose={() => setFormerOwner(null)} />
    </Card>
  );
}
