import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionLinkProblem } from "@/components/auth/action-link-problem";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Card, CardBody } from "@/components/ui/card";
import { getDb } from "@/lib/db";
import { actionTokenSchema } from "@/lib/users/schemas";
import { findActionToken } from "@/lib/users/find-action-token";
import { resetPasswordAction } from "./actions";

// The token is in the path: no Referer carries it to another site.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ResetPassword"))("title"), referrer: "no-referrer" };
}

export default async function ResetPasswordPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const [{ token }, t] = await Promise.all([params, getTranslations("ResetPassword")]);
  const parsed = actionTokenSchema.safeParse(token);
  const state = parsed.success
    ? await findActionToken(await getDb(), { token: parsed.data, kind: "password_reset" })
    : null;
  if (!state || state.status !== "valid") {
    return (
      <ActionLinkProblem
        status={state?.status ?? "unknown"}
        title={t(`linkProblem.${state?.status ?? "unknown"}`)}
        explanation={t("linkProblem.explanation")}
        againHref="/forgot-password"
        againLabel={t("askAgain")}
      />
    );
  }
  return (
    <Card>
      <CardBody className="px-6 py-6">
        <h1 className="text-lg font-semibold text-zinc-900">{t("title")}</h1>
        <p className="mt-1 mb-5 text-sm text-zinc-500">{t("intro")}</p>
        <ResetPasswordForm action={resetPasswordAction} token={token} />
      </CardBody>
    </Card>
  );
}
