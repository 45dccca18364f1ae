"use client";

import { useTranslations } from "next-intl";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { PASSWORD_MIN_LENGTH_CHARS } from "@/lib/users/password-policy";

/**
 * Current and new password. The change ends every session, this one included, so on success the form signs this
 * browser in again with the new password (the action returns the address) and stays on the page.
 */
export function ChangePasswordForm({ action }: { action: FormAction }) {
  const t = useTranslations("Profile");
  const router = useRouter();
  const newPassword = useRef("");
  const [outcome, setOutcome] = useState<{ tone: "success" | "warning"; text: string } | null>(
    null,
  );
  const [signingIn, setSigningIn] = useState(false);
  const { state, pending, formProps } = useFormAction(async (previous, formData) => {
    newPassword.current = String(formData.get("newPassword") ?? "");
    setOutcome(null);
    return action(previous, formData);
  });

  useEffect(() => {
    const email = state?.ok ? (state.data as { email?: string } | undefined)?.email : undefined;
    if (!email || !newPassword.current) return;
    const password = newPassword.current;
    newPassword.current = "";
    setSigningIn(true);
    void signIn("credentials", { email, password, redirect: false }).then((result) => {
      setSigningIn(false);
      if (!result || result.error) {
        setOutcome({
          tone: "warning",
          text: t("passwordChangedSignIn"),
        });
        router.replace("/login?callbackUrl=%2Faccount%2Fprofile");
        return;
      }
      setOutcome({
        tone: "success",
        text: t("passwordChanged"),
      });
      router.refresh();
    });
  }, [state, router, t]);

  return (
    <form {...formProps} className="space-y-4" data-testid="change-password-form">
      {state && !state.ok && Object.keys(state.fieldErrors ?? {}).length === 0 ? (
        <FormMessage state={state} />
      ) : null}
      {outcome ? (
        <Notice tone={outcome.tone} data-testid="change-password-done">
          {outcome.text}
        </Notice>
      ) : null}
      <FormField
        label={t("currentPassword")}
        htmlFor="currentPassword"
        error={fieldError(state, "currentPassword")}
      >
        <Input
          id="currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          invalid={!!fieldError(state, "currentPassword")}
          data-testid="change-password-current"
        />
      </FormField>
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
          minLength={PASSWORD_MIN_LENGTH_CHARS}
          invalid={!!fieldError(state, "newPassword")}
          data-testid="change-password-new"
        />
      </FormField>
      <SubmitButton
        pending={pending || signingIn}
        variant="secondary"
        pendingLabel={t("changing")}
        data-testid="change-password-submit"
      >
        {t("changePassword")}
      </SubmitButton>
    </form>
  );
}
