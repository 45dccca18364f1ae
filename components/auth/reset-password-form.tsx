"use client";

import { useTranslations } from "next-intl";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { PASSWORD_MIN_LENGTH_CHARS } from "@/lib/users/password-policy";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

type ResetAction = (
  state: ActionState,
  formData: FormData,
) => Promise<ActionState<{ email: string }>>;

/** Sets the new password through the server action, then signs in with it and opens the account. */
export function ResetPasswordForm({ action, token }: { action: ResetAction; token: string }) {
  const t = useTranslations("ResetPassword");
  const router = useRouter();
  const password = useRef("");
  const [signInFailed, setSignInFailed] = useState(false);
  const { state, pending, formProps } = useFormAction(
    async (previous: ActionState, formData: FormData) => {
      password.current = String(formData.get("newPassword") ?? "");
      return action(previous, formData);
    },
    { resetOnSuccess: false },
  );

  useEffect(() => {
    const email = state?.ok ? (state.data as { email?: string } | undefined)?.email : undefined;
    if (!email || !password.current) return;
    const newPassword = password.current;
    password.current = "";
    void signIn("credentials", { email, password: newPassword, redirect: false }).then((result) => {
      if (!result || result.error) {
        setSignInFailed(true);
        return;
      }
      router.replace("/account");
      router.refresh();
    });
  }, [state, router]);

  if (signInFailed) {
    return (
      <Notice tone="warning" data-testid="reset-password-signin-failed">
        {t.rich("signInFailed", {
          link: (chunks) => (
            <Link href="/login" className="font-medium underline">
              {chunks}
            </Link>
          ),
        })}
      </Notice>
    );
  }
  const linkProblem = state && !state.ok && state.error.startsWith("link_");
  return (
    <form {...formProps} className="space-y-4" data-testid="reset-password-form">
      {state && !state.ok && state.error !== "validation_error" ? (
        <FormMessage state={state} />
      ) : null}
      {linkProblem ? (
        <Link
          href="/forgot-password"
          className="block text-sm font-medium text-brand-700 hover:underline"
        >
          {t("askAgain")}
        </Link>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <FormField
        label={t("newPassword")}
        htmlFor="newPassword"
        hint={t("passwordHint", { count: PASSWORD_MIN_LENGTH_CHARS })}
        error={fieldError(state, "newPassword")}
      >
        <Input
          id="newPassword"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          autoFocus
          minLength={PASSWORD_MIN_LENGTH_CHARS}
          invalid={!!fieldError(state, "newPassword")}
          data-testid="reset-password-new"
        />
      </FormField>
      <SubmitButton
        pending={pending || !!state?.ok}
        className="w-full"
        pendingLabel={state?.ok ? t("signingIn") : t("saving")}
        data-testid="reset-password-submit"
      >
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
