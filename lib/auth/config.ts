import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "@/lib/auth/authenticate";
import { clientIp } from "@/lib/auth/client-ip";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import { logger } from "@/lib/http/logger";

// next-auth v4 (pinned 4.24.15; why v4 and how the URL is found: docs/auth.md). Credentials
// only, stateless JWT sessions signed with AUTH_SECRET: a restart or a second instance reads
// the same cookie, and there is no session table to sweep. Each session carries the user's
// session version, so bumping it revokes every copy (docs/auth.md "Sessions").

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export const SIGN_IN_UNAVAILABLE = "Sign-in is unavailable right now; try again in a moment.";

export const authOptions: NextAuthOptions = {
  secret: env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        try {
          return await authenticate(credentials, clientIp(request.headers, env));
        } catch (error) {
          // next-auth hands a thrown message to the sign-in form as-is: only ours may pass.
          if (error instanceof AppError && error.code === "too_many_requests") throw new Error(error.message);
          logger.error("sign-in failed", { error });
          throw new Error(SIGN_IN_UNAVAILABLE);
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.sub ?? "", name: token.name ?? "", email: token.email ?? "" };
      session.sessionVersion = token.sv ?? 0;
      return session;
    },
  },
  // next-auth's default logger prints request metadata; ours keeps to codes (no PII in logs).
  logger: {
    error: (code, metadata) => {
      const detail = metadata instanceof Error ? metadata.message : undefined;
      // An expired, foreign or tampered session cookie is the visitor's problem, not ours.
      if (code === "JWT_SESSION_ERROR") logger.warn("next-auth rejected a session cookie", { code, detail });
      else logger.error("next-auth error", { code, detail });
    },
    warn: (code) => logger.warn("next-auth warning", { code }),
    debug: () => {},
  },
};
