import { LogOutIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { signOut } from "@/lib/auth/actions";

/** A one-button form posting the sign-out server action (CSRF-checked by Next's Origin check). */
export function SignOutButton({ variant = "button", className }: { variant?: "button" | "link"; className?: string }) {
  return (
    <form action={signOut} className={className}>
      {variant === "link" ? (
        <button type="submit" className="text-accent-text font-medium hover:underline">
          Sign out
        </button>
      ) : (
        <Button type="submit" variant="ghost" size="sm" leadingIcon={<LogOutIcon />}>
          Sign out
        </Button>
      )}
    </form>
  );
}
