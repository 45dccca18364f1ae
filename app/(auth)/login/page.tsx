import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackUrl } from "@/components/auth/safe-callback-url";
import { Card, CardBody } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Login"))("title") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [params, t] = await Promise.all([searchParams, getTranslations("Login")]);
  const callbackUrl = params.callbackUrl ? safeCallbackUrl(params.callbackUrl) : null;
  const registerHref = callbackUrl
    ? `/register?callbackUrl=${encodeURIComponent(callbackUrl)}`
    : "/register";
  return (
    <>
      <Card>
        <CardBody className="px-6 py-6">
          <h1 className="text-lg font-semibold text-zinc-900">{t("title")}</h1>
          <p className="mt-1 mb-5 text-sm text-zinc-500">{t("intro")}</p>
          <LoginForm callbackUrl={callbackUrl} />
          <p className="mt-4 text-center text-sm">
            <Link
              href="/forgot-password"
              className="font-medium text-brand-700 hover:underline"
              data-testid="forgot-password-link"
            >
              {t("forgotPassword")}
            </Link>
          </p>
        </CardBody>
      </Card>
      <p className="mt-4 text-center text-sm text-zinc-500">
        {t("newHere")}{" "}
        <Link href={registerHref} className="font-medium text-brand-700 hover:underline">
          {t("createAccount")}
        </Link>
      </p>
    </>
  );
}
