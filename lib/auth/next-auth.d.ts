// The session shape lib/auth/config.ts puts in next-auth's session and JWT (its callbacks fill them).
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string };
    /** The user's session version when this session was issued (lib/auth/require-member.ts checks it). */
    sessionVersion: number;
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** Session version at sign-in; absent in cookies issued before versions existed (read as 0). */
    sv?: number;
  }
}
