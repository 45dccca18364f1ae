import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { authSecret } from "./auth-secret";
import { loginSchema } from "@/lib/users/schemas";
import { authenticateUser } from "@/lib/users/authenticate-user";
import { BROWSER_COOKIE } from "@/lib/referrals/referral-cookies";
import { clientIp, cookieValue, recordSighting } from "@/lib/referrals/sightings";

/**
 * next-auth (v4) with email + password and JWT sessions. The token carries the user id and role for the edge-safe
 * proxy, and the user's session version at sign-in; pages, handlers and actions re-read the user from the database
 * (lib/auth/session.ts) and treat a token of an older session version as signed out.
 */
export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, request) {
        const parsed = loginSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const db = await getDb();
        const user = await authenticateUser(db, parsed.data.email, parsed.data.password);
        if (!user) return null;
        // Where people sign in is what the referral fraud guard compares a new friend's browser and IP with.
        const header = (name: string): string | null => {
          const value: unknown = request?.headers?.[name];
          return typeof value === "string" ? value : null;
        };
        await recordSighting(db, {
          userId: user.id,
          browserId: cookieValue(header("cookie"), BROWSER_COOKIE),
          ip: clientIp(header("x-forwarded-for"), header("x-real-ip")),
        });
        return {
          id: String(user.id),
          email: user.email,
          name: user.name,
          role: user.role,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        // Compared with users.session_version on every read (lib/auth/session.ts): a password change ends this session.
        token.sv = user.sessionVersion;
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user) {
        session.user.id = token.uid;
        session.user.role = token.role;
        session.user.sessionVersion = token.sv ?? 0;
      }
      return session;
    },
  },
};
