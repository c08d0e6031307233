// The session shape lib/auth/config.ts puts in next-auth's session (its callbacks fill it).
import "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string };
  }
}
