import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { Card, CardBody } from "@/components/ui/card";
import { requestPasswordResetAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ForgotPassword"))("metaTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("ForgotPassword");
  return (
    <>
      <Card>
        <CardBody className="px-6 py-6">
          <h1 className="text-lg font-semibold text-zinc-900">{t("title")}</h1>
          <p className="mt-1 mb-5 text-sm text-zinc-500">{t("intro")}</p>
          <ForgotPasswordForm action={requestPasswordResetAction} />
        </CardBody>
      </Card>
      <p className="mt-4 text-center text-sm text-zinc-500">
        {t("remembered")}{" "}
        <Link href="/login" className="font-medium text-brand-700 hover:underline">
          {t("signIn")}
        </Link>
      </p>
    </>
  );
}
