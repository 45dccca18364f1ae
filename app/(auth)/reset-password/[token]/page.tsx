import type { Metadata } from "next";
import { ActionLinkProblem } from "@/components/auth/action-link-problem";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Card, CardBody } from "@/components/ui/card";
import { getDb } from "@/lib/db";
import { actionTokenSchema } from "@/lib/users/schemas";
import { findActionToken } from "@/lib/users/find-action-token";
import { resetPasswordAction } from "./actions";

// The token is in the path: no Referer carries it to another site.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const parsed = actionTokenSchema.safeParse(token);
  const state = parsed.success
    ? await findActionToken(await getDb(), { token: parsed.data, kind: "password_reset" })
    : null;
  if (!state || state.status !== "valid") {
    return (
      <ActionLinkProblem
        status={state?.status ?? "unknown"}
        explanation="Reset links work once, for one hour. Ask for a new one and use the latest email."
        againHref="/forgot-password"
        againLabel="Ask for a new link"
      />
    );
  }
  return (
    <Card>
      <CardBody className="px-6 py-6">
        <h1 className="text-lg font-semibold text-zinc-900">Choose a new password</h1>
        <p className="mt-1 mb-5 text-sm text-zinc-500">
          You will be signed in with it, and signed out everywhere else.
        </p>
        <ResetPasswordForm action={resetPasswordAction} token={token} />
      </CardBody>
    </Card>
  );
}
