"use client";

import Link from "next/link";
import { useState } from "react";
import { EllipsisIcon, PlusIcon, WebhookIcon } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/time-ago";
import { MAX_ACTIVE_ENDPOINTS, type EndpointDto } from "@/lib/webhooks/schemas";
import { ConnectSteps } from "@/components/webhooks/connect-steps";
import { CreateEndpointDialog } from "./create-endpoint-dialog";
import { RenameEndpointDialog, RevokeEndpointDialog } from "./endpoint-dialogs";
import { formatFull } from "@/lib/format/dates";
import { formatCount } from "@/lib/format/numbers";

function StatusBadgeFor({ endpoint }: { endpoint: EndpointDto }) {
  return endpoint.revokedAt ? (
    <Badge title={`Revoked ${formatFull(endpoint.revokedAt)}`}>Revoked</Badge>
  ) : (
    <Badge tone="green" dot>
      Active
    </Badge>
  );
}

export function EndpointsView({ endpoints, isOwner }: { endpoints: EndpointDto[]; isOwner: boolean }) {
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<EndpointDto | null>(null);
  const [renaming, setRenaming] = useState<EndpointDto | null>(null);
  const [showRevoked, setShowRevoked] = useState(false);
  const active = endpoints.filter((endpoint) => !endpoint.revokedAt).length;
  const revoked = endpoints.length - active;
  // Revoked endpoints stay listed (their deliveries remain) but fold away: rotation leaves many.
  const shown = showRevoked ? endpoints : endpoints.filter((endpoint) => !endpoint.revokedAt);
  const full = active >= MAX_ACTIVE_ENDPOINTS;

  const createButton = isOwner ? (
    <Button
      variant="primary"
      leadingIcon={<PlusIcon />}
      onClick={() => setCreating(true)}
      disabled={full}
      aria-describedby={full ? "endpoints-full" : undefined}
    >
      New endpoint
    </Button>
  ) : null;

  return (
    <div className="grid gap-4">
      {!isOwner ? (
        <Alert tone="info" title="Read-only">
          Only the store&apos;s owners can create, rename or revoke endpoints. You can see them, and inspect and replay
          deliveries.
        </Alert>
      ) : null}
      {endpoints.length > 0 && active === 0 ? (
        <Alert tone="warning" title="No active endpoint">
          Every webhook URL of this store is revoked, so new orders can&apos;t reach Tribedesk.{" "}
          {isOwner ? "Create an endpoint and paste its URL into TribeMade." : "Ask an owner to create one."}
        </Alert>
      ) : null}
      {endpoints.length === 0 ? (
        <EmptyState
          icon={<WebhookIcon />}
          title="No endpoints yet"
          description="An endpoint is a secret URL for TribeMade to send new orders to. Create one, then paste it into TribeMade."
          action={createButton}
        />
      ) : (
        <Card className="overflow-hidden">
          <CardHeader
            title="Endpoints"
            description={`${active} of ${MAX_ACTIVE_ENDPOINTS} active. TribeMade sends every order to each URL you add there; a second endpoint lets you rotate without a gap.`}
            actions={createButton}
          />
          {full && isOwner ? (
            <p id="endpoints-full" className="border-line bg-surface-2/50 text-fg-muted border-b px-4 py-2 text-xs">
              TribeMade accepts at most {MAX_ACTIVE_ENDPOINTS} webhook URLs, so Tribedesk keeps at most {MAX_ACTIVE_ENDPOINTS}{" "}
              active. Revoke one you no longer use to create another.
            </p>
          ) : null}
          <Table aria-label="Webhook endpoints" data-testid="endpoints-table">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Name</TableHead>
                <TableHead className="hidden sm:table-cell">Status</TableHead>
                <TableHead className="hidden md:table-cell">Created</TableHead>
                <TableHead className="hidden sm:table-cell">Last used</TableHead>
                <TableHead className="text-right">24 h</TableHead>
                {isOwner ? (
                  <TableHead className="w-10">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((endpoint) => (
                <TableRow key={endpoint.id} className={endpoint.revokedAt ? "text-fg-muted" : undefined}>
                  <TableCell className="max-w-56">
                    <div className="truncate font-medium">{endpoint.label}</div>
                    <div className="text-fg-subtle hidden truncate font-mono text-[11px] sm:block">
                      …/api/webhooks/tribemade/••••••
                    </div>
                    {/* Phones: status and last use under the name instead of in their own columns. */}
                    <div className="text-fg-muted mt-1 flex items-center gap-2 text-xs sm:hidden">
                      <StatusBadgeFor endpoint={endpoint} />
                      {endpoint.lastUsedAt ? (
                        <span>
                          used <TimeAgo date={endpoint.lastUsedAt} />
                        </span>
                      ) : (
                        <span>never used</span>
                      )}
                    </div>
                  </TableCell>
                  <TableCell className="hidden sm:table-cell">
                    <StatusBadgeFor endpoint={endpoint} />
                  </TableCell>
                  <TableCell className="text-fg-muted hidden whitespace-nowrap md:table-cell">
                    <TimeAgo date={endpoint.createdAt} />
                  </TableCell>
                  <TableCell className="text-fg-muted hidden whitespace-nowrap sm:table-cell">
                    {endpoint.lastUsedAt ? <TimeAgo date={endpoint.lastUsedAt} /> : <span className="text-fg-subtle">Never</span>}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    <Link
                      href={`/webhooks?endpoint=${endpoint.id}`}
                      className="hover:text-accent-text hover:underline"
                      title="Show these deliveries"
                    >
                      {formatCount(endpoint.deliveries24h)}
                    </Link>
                  </TableCell>
                  {isOwner ? (
                    <TableCell className="py-1 text-right">
                      {endpoint.revokedAt ? null : (
                        <DropdownMenu>
                          <DropdownMenuTrigger
                            aria-label={`Actions for ${endpoint.label}`}
                            className="text-fg-muted hover:bg-surface-2 hover:text-fg aria-expanded:bg-surface-2 aria-expanded:text-fg inline-flex size-7 items-center justify-center rounded-md [&_svg]:size-4"
                          >
                            <EllipsisIcon />
                          </DropdownMenuTrigger>
                          <DropdownMenuContent align="end">
                            <DropdownMenuItem onSelect={() => setRenaming(endpoint)}>Rename</DropdownMenuItem>
                            <DropdownMenuSeparator />
                            <DropdownMenuItem variant="danger" onSelect={() => setRevoking(endpoint)}>
                              Revoke…
                            </DropdownMenuItem>
                          </DropdownMenuContent>
                        </DropdownMenu>
                      )}
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {revoked > 0 ? (
            <div className="border-line border-t px-2 py-1.5">
              <Button variant="ghost" size="sm" onClick={() => setShowRevoked((current) => !current)} aria-expanded={showRevoked}>
                {showRevoked ? "Hide revoked" : `Show ${revoked} revoked`}
              </Button>
            </div>
          ) : null}
          <p className="border-line text-fg-subtle border-t px-4 py-2.5 text-xs">
            A URL&apos;s secret is shown only when it is created. Lost one? Create a new endpoint, paste it into TribeMade, then
            revoke the old one.
          </p>
        </Card>
      )}
      <Card>
        <CardHeader title="Connect TribeMade" as="h2" />
        <div className="px-4 py-3">
          <ConnectSteps />
        </div>
      </Card>
      <CreateEndpointDialog open={creating} onOpenChange={setCreating} />
      <RevokeEndpointDialog endpoint={revoking} onClose={() => setRevoking(null)} lastActive={active === 1} />
      <RenameEndpointDialog key={renaming?.id ?? "none"} endpoint={renaming} onClose={() => setRenaming(null)} />
    </div>
  );
}
