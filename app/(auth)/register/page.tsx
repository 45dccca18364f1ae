import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { RegisterForm } from "@/components/auth/register-form";
import { safeCallbackUrl } from "@/components/auth/safe-callback-url";
import { maskEmail } from "@/lib/mask-email";
import { describeFriendOffer } from "@/components/customer/referrals/program-summary";
import { Card, CardBody } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { getDb } from "@/lib/db";
import { REFERRAL_COOKIE } from "@/lib/referrals/referral-cookies";
import { findReferrerByCode } from "@/lib/referrals/referral-link";
import { findDefaultProgram } from "@/lib/referrals/referral-rules";
import { findUser } from "@/lib/users/find-user";
import { registerAction } from "./actions";

export const metadata: Metadata = { title: "Create an account" };

/**
 * Who invited this visitor, from the referral link's cookie (their name, or their masked address without one), and
 * what the default program offers the friend.
 */
async function invitation(): Promise<{ by: string; offer: string | null } | null> {
  const code = (await cookies()).get(REFERRAL_COOKIE)?.value;
  if (!code) return null;
  const db = await getDb();
  const referrer = await findReferrerByCode(db, code);
  const [user, program] = referrer ? await Promise.all([findUser(db, referrer.userId), findDefaultProgram(db)]) : [null, null];
  if (!user) return null;
  return { by: user.name?.trim() || maskEmail(user.email), offer: program ? describeFriendOffer(program) : null };
}

export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [params, invited] = await Promise.all([searchParams, invitation()]);
  // Where to go once signed in (e.g. back to a family activation link); only same-site paths are followed.
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const loginHref = params.callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login";
  return (
    <>
      {invited ? (
        <Notice tone="success" className="mb-4">
          <span className="block font-medium" data-testid="register-referred-by">
            {invited.by} invited you
          </span>
          {invited.offer ? (
            <span className="block" data-testid="register-friend-offer">
              {invited.offer}
            </span>
          ) : null}
        </Notice>
      ) : null}
      <Card>
        <CardBody className="px-6 py-6">
          <h1 className="text-lg font-semibold text-zinc-900">Create your account</h1>
          <p className="mt-1 mb-5 text-sm text-zinc-500">Manage your subscriptions and payments in one place.</p>
          <RegisterForm action={registerAction} callbackUrl={callbackUrl} />
        </CardBody>
      </Card>
      <p className="mt-4 text-center text-sm text-zinc-500">
        Already have an account?{" "}
        <Link href={loginHref} className="font-medium text-brand-700 hover:underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
