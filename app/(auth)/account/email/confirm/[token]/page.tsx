import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionLinkProblem } from "@/components/auth/action-link-problem";
import { ConfirmEmailChangeForm } from "@/components/auth/confirm-email-change-form";
import { Card, CardBody } from "@/components/ui/card";
import { getDb } from "@/lib/db";
import { actionTokenSchema } from "@/lib/users/schemas";
import { findActionToken } from "@/lib/users/find-action-token";
import { confirmEmailChangeAction } from "./actions";

// The token is in the path: no Referer carries it to another site.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("EmailConfirm"))("title"), referrer: "no-referrer" };
}

/**
 * Outside the account layout on purpose: the link is opened from the new mailbox, often in a browser that is not
 * signed in. Opening it only shows the address; the change is made by the button, so a mail scanner or a prefetch
 * that fetches the link changes nothing.
 */
export default async function ConfirmEmailChangePage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const [{ token }, t] = await Promise.all([params, getTranslations("EmailConfirm")]);
  const parsed = actionTokenSchema.safeParse(token);
  const state = parsed.success
    ? await findActionToken(await getDb(), { token: parsed.data, kind: "email_change" })
    : null;
  if (!state || state.status !== "valid") {
    return (
      <ActionLinkProblem
        status={state?.status ?? "unknown"}
        title={t(`linkProblem.${state?.status ?? "unknown"}`)}
        explanation={t("linkProblem.explanation")}
        againHref="/account/profile"
        againLabel={t("profile")}
      />
    );
  }
  return (
    <Card>
      <CardBody className="px-6 py-6">
        <ConfirmEmailChangeForm
          action={confirmEmailChangeAction}
          token={token}
          newEmail={state.row.newEmail ?? ""}
        />
      </CardBody>
    </Card>
  );
}
