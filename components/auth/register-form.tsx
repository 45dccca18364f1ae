"use client";

import { useTranslations } from "next-intl";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { PASSWORD_MIN_LENGTH_CHARS } from "@/lib/users/password-policy";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/notice";
import { useFormAction } from "@/components/ui/use-form-action";

type RegisterAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * Creates the account through the server action, then signs in with the same credentials and opens `callbackUrl`
 * (a same-site path, checked by the page with safeCallbackUrl; /account by default).
 */
export function RegisterForm({
  action,
  callbackUrl = "/account",
}: {
  action: RegisterAction;
  callbackUrl?: string;
}) {
  const t = useTranslations("Register");
  const router = useRouter();
  const credentials = useRef<{ email: string; password: string } | null>(null);
  const [signInError, setSignInError] = useState<string | null>(null);
  // The browser's zone, sent with the form: the user's time zone (quiet hours of marketing email, times shown).
  const timeZone = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (timeZone.current)
      timeZone.current.value = Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
  }, []);
  const { state, pending, formProps } = useFormAction(
    async (previous: ActionState, formData: FormData) => {
      credentials.current = {
        email: String(formData.get("email") ?? ""),
        password: String(formData.get("password") ?? ""),
      };
      return action(previous, formData);
    },
    { resetOnSuccess: false },
  );

  useEffect(() => {
    if (!state?.ok || !credentials.current) return;
    const { email, password } = credentials.current;
    credentials.current = null;
    void signIn("credentials", { email, password, redirect: false }).then((result) => {
      if (!result || result.error) {
        setSignInError(t("signInFailed"));
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    });
  }, [state, router, callbackUrl, t]);

  return (
    <form {...formProps} className="space-y-4" data-testid="register-form">
      {state && !state.ok && state.error !== "validation_error" && state.error !== "user_exists" ? (
        <FormMessage state={state} />
      ) : null}
      {signInError ? <Notice tone="warning">{signInError}</Notice> : null}
      <input
        ref={timeZone}
        type="hidden"
        name="time_zone"
        defaultValue=""
        data-testid="register-time-zone"
      />
      <FormField label={t("name")} htmlFor="name" error={fieldError(state, "name")}>
        <Input
          id="name"
          name="name"
          autoComplete="name"
          required
          invalid={!!fieldError(state, "name")}
          data-testid="register-name"
        />
      </FormField>
      <FormField label={t("email")} htmlFor="email" error={fieldError(state, "email")}>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          invalid={!!fieldError(state, "email")}
          data-testid="register-email"
        />
      </FormField>
      <FormField
        label={t("password")}
        htmlFor="password"
        hint={t("passwordHint", { count: PASSWORD_MIN_LENGTH_CHARS })}
        error={fieldError(state, "password")}
      >
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH_CHARS}
          invalid={!!fieldError(state, "password")}
          data-testid="register-password"
        />
      </FormField>
      <SubmitButton
        pending={pending || !!state?.ok}
        className="w-full"
        pendingLabel={state?.ok ? t("signingIn") : t("submitting")}
        data-testid="register-submit"
      >
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
