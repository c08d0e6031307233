import { z } from "zod";

// Sign-in and sign-up contracts, shared by the forms (client) and the server (authorize() and
// the sign-up action). Client-safe: no server imports.

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address."));

/** Sign-up policy: length is what matters (NIST 800-63B); no composition rules. */
export const newPasswordSchema = z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters.");

export const loginSchema = z.object({
  email: emailSchema,
  // Sign-in never reveals the policy: anything non-empty is checked against the hash.
  password: z.string().min(1, "Enter your password.").max(1_000, "That password is too long."),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(80, "Use at most 80 characters."),
  email: emailSchema,
  password: newPasswordSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

/** Only same-site paths are followed after sign-in, never another origin. */
export function safeCallbackPath(value: string | null | undefined, fallback = "/orders"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (value.startsWith("/api/") || value === "/login" || value.startsWith("/login?")) return fallback;
  return value;
}
