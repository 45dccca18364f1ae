import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { RegisterForm } from "@/components/auth/register-form";
import { safeCallbackUrl } from "@/components/auth/safe-callback-url";
import { visitorInvitation } from "@/components/customer/referrals/visitor-invitation";
import { Card, CardBody } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { registerAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Register"))("metaTitle") };
}

export default async function RegisterPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [params, invited, t] = await Promise.all([
    searchParams,
    visitorInvitation(),
    getTranslations("Register"),
  ]);
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
            {t("invitedBy", { name: invited.by })}
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
          <h1 className="text-lg font-semibold text-zinc-900">{t("title")}</h1>
          <p className="mt-1 mb-5 text-sm text-zinc-500">{t("intro")}</p>
          <RegisterForm action={registerAction} callbackUrl={callbackUrl} />
        </CardBody>
      </Card>
      <p className="mt-4 text-center text-sm text-zinc-500">
        {t("haveAccount")}{" "}
        <Link href={loginHref} className="font-medium text-brand-700 hover:underline">
          {t("signIn")}
        </Link>
      </p>
    </>
  );
}
