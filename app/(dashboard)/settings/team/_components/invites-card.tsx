"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { PlusIcon } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Select } from "@/components/ui/select";
import { createInvite, revokeInvite } from "@/lib/stores/actions";
import { formatDateTime } from "@/lib/format/dates";

export type InviteRow = { id: string; role: "owner" | "staff"; createdAt: string; expiresAt: string };

const OFFLINE = "We couldn't reach Tribedesk. Check your connection and try again.";

export function InvitesCard({ invites, storeName }: { invites: InviteRow[]; storeName: string }) {
  const router = useRouter();
  const [role, setRole] = useState<"owner" | "staff">("staff");
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ id: string; url: string; expiresAt: string; role: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);

  async function onCreate() {
    setCreating(true);
    setError(null);
    const result = await createInvite({ role }).catch(() => null);
    setCreating(false);
    if (!result) return setError(OFFLINE);
    if (!result.ok) return setError(result.error.message);
    setCreated({ id: result.data.inviteId, url: result.data.inviteUrl, expiresAt: result.data.expiresAt, role });
    router.refresh();
  }

  async function onRevoke(id: string) {
    setRevoking(id);
    setError(null);
    const result = await revokeInvite({ inviteId: id }).catch(() => null);
    setRevoking(null);
    if (!result) return setError(OFFLINE);
    if (!result.ok) return setError(result.error.message);
    if (created?.id === id) setCreated(null);
    router.refresh();
  }

  return (
    <Card>
      <CardHeader
        title="Invite links"
        description={`Anyone with a link can join ${storeName} once, within 7 days. No email is sent: copy the link and share it yourself.`}
      />
      <CardContent className="grid gap-4">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex flex-wrap items-end gap-2">
          <div className="grid gap-1.5">
            <label htmlFor="invite-role" className="text-fg text-sm font-medium">
              Role
            </label>
            <Select
              id="invite-role"
              value={role}
              onChange={(event) => setRole(event.target.value === "owner" ? "owner" : "staff")}
              wrapperClassName="w-32"
            >
              <option value="staff">Staff</option>
              <option value="owner">Owner</option>
            </Select>
          </div>
          <Button variant="primary" onClick={onCreate} loading={creating} leadingIcon={<PlusIcon />}>
            Create invite link
          </Button>
        </div>

        {created ? (
          <div className="border-accent/30 bg-accent/5 grid gap-2 rounded-lg border p-3">
            <p className="text-fg text-sm font-medium">New {created.role} invite — copy it now, it is shown only once</p>
            <div className="flex flex-col gap-2 sm:flex-row">
              <input
                readOnly
                aria-label="Invite link"
                value={created.url}
                onFocus={(event) => event.currentTarget.select()}
                data-testid="invite-url"
                className="border-line bg-surface text-fg focus:border-ring focus:ring-ring/25 h-8 min-w-0 flex-1 rounded-md border px-2.5 font-mono text-xs outline-hidden focus:ring-3"
              />
              <CopyButton value={created.url} label="Copy link" size="md" />
            </div>
            <p className="text-fg-muted text-xs">Expires {formatDateTime(created.expiresAt)} IST.</p>
          </div>
        ) : null}

        <div>
          <h3 className="text-fg mb-2 text-sm font-medium">Open invites</h3>
          {invites.length === 0 ? (
            <p className="border-line-strong text-fg-muted rounded-lg border border-dashed px-3 py-4 text-center text-sm">
              No open invites. Links that were used, revoked or expired disappear from here.
            </p>
          ) : (
            <ul className="divide-line border-line divide-y rounded-lg border">
              {invites.map((invite) => (
                <li key={invite.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2.5">
                  <Badge tone={invite.role === "owner" ? "violet" : "neutral"}>
                    {invite.role === "owner" ? "Owner" : "Staff"}
                  </Badge>
                  <span className="text-fg-muted min-w-0 flex-1 text-sm">
                    Created {formatDateTime(invite.createdAt)} · expires {formatDateTime(invite.expiresAt)}
                  </span>
                  <Button variant="ghost" size="sm" loading={revoking === invite.id} onClick={() => onRevoke(invite.id)}>
                    Revoke
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
