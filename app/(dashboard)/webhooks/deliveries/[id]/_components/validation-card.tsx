import { CircleCheckIcon, CircleXIcon, TriangleAlertIcon } from "lucide-react";
import { Card, CardHeader } from "@/components/ui/card";
import type { FieldIssue } from "@/lib/webhooks/payload-schema";

/** What the payload contract (lib/webhooks/payload-schema.ts) said about this body. */
export function ValidationCard({ errors, warnings }: { errors: FieldIssue[]; warnings: string[] }) {
  return (
    <Card>
      <CardHeader title="Validation" />
      <div className="grid gap-3 px-4 py-3 text-sm">
        {errors.length === 0 && warnings.length === 0 ? (
          <p className="text-fg-muted flex items-center gap-2">
            <CircleCheckIcon className="size-4 text-emerald-600 dark:text-emerald-400" /> No errors or warnings.
          </p>
        ) : null}
        {errors.length > 0 ? (
          <ul className="grid gap-1.5" aria-label="Errors">
            {errors.map((issue, index) => (
              <li key={`${issue.path}-${index}`} className="flex items-start gap-2">
                <CircleXIcon className="mt-0.5 size-4 shrink-0 text-red-600 dark:text-red-400" />
                <span className="min-w-0">
                  {issue.path ? <code className="text-fg mr-1.5 font-mono text-xs break-all">{issue.path}</code> : null}
                  <span className="text-fg-muted">{issue.message}</span>
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {warnings.length > 0 ? (
          <ul className="grid gap-1.5" aria-label="Warnings">
            {warnings.map((warning, index) => (
              <li key={`${warning}-${index}`} className="flex items-start gap-2">
                <TriangleAlertIcon className="mt-0.5 size-4 shrink-0 text-amber-600 dark:text-amber-400" />
                <span className="text-fg-muted min-w-0 break-words">{warning}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </Card>
  );
}
