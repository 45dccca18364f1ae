import type { Metadata } from "next";
import Link from "next/link";
import { RegisterForm } from "@/components/auth/register-form";
import { safeCallbackUrl } from "@/components/auth/safe-callback-url";
import { visitorInvitation } from "@/components/customer/referrals/visitor-invitation";
import { Card, CardBody } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { registerAction } from "./actions";

export const metadata: Metadata = { title: "Create an account" };

export default async function RegisterPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [params, invited] = await Promise.all([searchParams, visitorInvitation()]);
  // Where to go once signed in (e.g. back to a family activation link); only same-site paths are followed.
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const loginHref = params.callbackUrl
    ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}`
    : "/login";
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
          <p className="mt-1 mb-5 text-sm text-zinc-500">
            Manage your subscriptions and payments in one place.
          </p>
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
