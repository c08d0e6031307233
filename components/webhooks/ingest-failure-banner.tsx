import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { Member } from "@/lib/auth/require-member";
import { FAILURE_WINDOW_MINUTES, recentIngestFailures } from "@/lib/webhooks/ingest/failures";

/** Shown on every dashboard page while webhook deliveries fail to be stored; nothing otherwise. */
export async function IngestFailureBanner({ member }: { member: Member }) {
  // The banner must never take the page down with it: a failing count shows nothing.
  const failures = await recentIngestFailures(member).catch(() => 0);
  if (failures === 0) return null;
  const deliveries = failures === 1 ? "1 webhook delivery" : `${failures} webhook deliveries`;
  return (
    <Alert
      tone="error"
      className="mb-6"
      title={`${deliveries} could not be stored in the last ${FAILURE_WINDOW_MINUTES} minutes`}
      action={
        <Link href="/webhooks?reason=internal_error&range=1h" className="font-medium underline underline-offset-4">
          Review
        </Link>
      }
    >
      TribeMade was asked to send {failures === 1 ? "it" : "them"} again. Check the database, then replay what is still missing
      from the Webhooks inspector.
    </Alert>
  );
}
