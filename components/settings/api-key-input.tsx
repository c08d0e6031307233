import type { ComponentProps } from "react";
import { Input } from "@/components/ui/input";

/** A TribeMade API key field: monospace, no autofill, autocorrect or capitalisation. */
export function ApiKeyInput(props: ComponentProps<typeof Input>) {
  return (
    <Input
      className="font-mono"
      autoComplete="off"
      spellCheck={false}
      autoCapitalize="none"
      placeholder="tb-xxxx-xxx-xxxx"
      {...props}
    />
  );
}
