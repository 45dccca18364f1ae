import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { authSecret } from "./auth-secret";
import { loginSchema } from "@/lib/users/schemas";
import { clientAddress } from "@/lib/http/client-address";
import { BROWSER_COOKIE } from "@/lib/referrals/referral-cookies";
import { clientIp, cookieValue, recordSighting } from "@/lib/referrals/sightings";
import { TooManyAttemptsError } from "@/lib/throttle/too-many-attempts-error";
import { signInWithPassword } from "@/lib/users/sign-in-with-password";
import { throttledSignInError } from "./sign-in-refusal";

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
        const header = (name: string): string | null => {
          const value: unknown = request?.headers?.[name];
          return typeof value === "string" ? value : null;
        };
        const db = await getDb();
        const user = await signInWithPassword(db, {
          ...parsed.data,
          clientAddress: clientAddress(header("x-forwarded-for"), header("x-real-ip")),
        }).catch((error: unknown) => {
          // next-auth passes a thrown error's message to the form (and answers 401): the wait, in a form it reads.
          if (error instanceof TooManyAttemptsError)
            throw new Error(throttledSignInError(error.retryAfterSeconds));
          throw error;
        });
        if (!user) return null;
        // Where people sign in is what the referral fraud guard compares a new friend's browser and IP with.
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
