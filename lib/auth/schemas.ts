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

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(1_000, "That password is too long."),
  newPassword: newPasswordSchema,
});
export type ChangePasswordForm = z.input<typeof changePasswordSchema>;

// Anything a browser strips or rewrites while parsing a URL (tabs, newlines, other C0 controls,
// DEL, backslashes), raw or percent-encoded: "/\t/evil.example" becomes "//evil.example".
const UNSAFE_IN_PATH = /[\u0000-\u001f\u007f\\]|%(?:[01][0-9a-f]|7f|5c)/i;
const PROBE_ORIGIN = "https://tribedesk.invalid";

/**
 * Only same-origin paths are followed after sign-in or sign-up. The value is resolved against an
 * origin the way a browser would; anything that leaves it, carries a character browsers strip,
 * has a malformed %-escape, or points at the API or back at /login gives `fallback`.
 */
export function safeCallbackPath(value: string | null | undefined, fallback = "/orders"): string {
  if (!value || !value.startsWith("/") || UNSAFE_IN_PATH.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
    decodeURIComponent(url.pathname);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  const { pathname } = url;
  if (pathname.startsWith("//") || pathname === "/api" || pathname.startsWith("/api/") || pathname === "/login") return fallback;
  return `${pathname}${url.search}${url.hash}`;
}

/**
 * Where sign-up leads (a same-origin callbackUrl, else onboarding) and, when that is an invite
 * link, the invite's token for the "you're joining …" banner. Never throws: a malformed value is
 * ignored.
 */
export function signupDestination(callbackUrl: string | null | undefined): { next: string; inviteToken: string | null } {
  const next = safeCallbackPath(callbackUrl, "/onboarding");
  // safeCallbackPath has checked that the path's %-escapes decode.
  const { pathname } = new URL(next, PROBE_ORIGIN);
  const inviteToken = pathname.startsWith("/invite/") ? decodeURIComponent(pathname.slice("/invite/".length)) : null;
  return { next, inviteToken: inviteToken || null };
}
