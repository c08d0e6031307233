// GET|POST /api/auth/* — next-auth v4: CSRF token, credentials sign-in, session (lib/auth/config.ts)
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/config";

export const dynamic = "force-dynamic";

const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
