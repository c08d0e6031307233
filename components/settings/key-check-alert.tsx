import { Alert } from "@/components/ui/alert";
import type { KeyCheckResult } from "@/lib/tribemade/key-check";

const TITLES = { valid: "Key works", rejected: "Key rejected", unreachable: "Couldn't check the key" } as const;
const TONES = { valid: "success", rejected: "error", unreachable: "warning" } as const;

/** The outcome of a "Test key" in plain words. */
export function KeyCheckAlert({ result, className }: { result: KeyCheckResult; className?: string }) {
  return (
    <Alert tone={TONES[result.status]} title={TITLES[result.status]} className={className}>
      {result.message}
    </Alert>
  );
}
