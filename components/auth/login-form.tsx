"use client";

import { useTranslations } from "next-intl";
import { getSession, signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { isStaff } from "@/lib/auth/permissions";
import { throttledSignInSeconds } from "@/lib/auth/sign-in-refusal";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { useDescribeWait } from "@/components/customer/use-describe-wait";

/**
 * `callbackUrl` is where the person was going; without one, admins land on the admin dashboard and customers on their
 * account.
 */
export function LoginForm({ callbackUrl }: { callbackUrl: string | null }) {
  const t = useTranslations("Login");
  const describeWait = useDescribeWait();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (!result || result.error) {
      setPending(false);
      const wait = throttledSignInSeconds(result?.error);
      setError(
        wait !== null
          ? t("throttled", { wait: describeWait(wait) })
          : result?.error === "CredentialsSignin"
            ? t("wrongCredentials")
            : t("failed"),
      );
      return;
    }
    router.replace(
      callbackUrl ?? (isStaff((await getSession())?.user?.role) ? "/admin" : "/account"),
    );
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid="login-form">
      {error ? (
        <Notice tone="error" data-testid="login-error">
          {error}
        </Notice>
      ) : null}
      <FormField label={t("email")} htmlFor="email">
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          autoFocus
          data-testid="login-email"
        />
      </FormField>
      <FormField label={t("password")} htmlFor="password">
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          data-testid="login-password"
        />
      </FormField>
      <Button type="submit" className="w-full" disabled={pending} data-testid="login-submit">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
