import type { Metadata } from "next";
import { ActionLinkProblem } from "@/components/auth/action-link-problem";
import { ConfirmEmailChangeForm } from "@/components/auth/confirm-email-change-form";
import { Card, CardBody } from "@/components/ui/card";
import { getDb } from "@/lib/db";
import { actionTokenSchema } from "@/lib/users/schemas";
import { findActionToken } from "@/lib/users/find-action-token";
import { confirmEmailChangeAction } from "./actions";

// The token is in the path: no Referer carries it to another site.
export const metadata: Metadata = {
  title: "Confirm your new email address",
  referrer: "no-referrer",
};

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
  const { token } = await params;
  const parsed = actionTokenSchema.safeParse(token);
  const state = parsed.success
    ? await findActionToken(await getDb(), { token: parsed.data, kind: "email_change" })
    : null;
  if (!state || state.status !== "valid") {
    return (
      <ActionLinkProblem
        status={state?.status ?? "unknown"}
        explanation="Confirmation links work once, for 24 hours. Ask for a new one on your profile page."
        againHref="/account/profile"
        againLabel="Go to your profile"
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
