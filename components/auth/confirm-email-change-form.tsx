"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ActionState } from "@/lib/actions/action-state";
import { LinkButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

type ConfirmAction = (
  state: ActionState,
  formData: FormData,
) => Promise<ActionState<{ email: string }>>;

/** One button that spends the link; afterwards the new address, or why it could not be used. */
export function ConfirmEmailChangeForm({
  action,
  token,
  newEmail,
}: {
  action: ConfirmAction;
  token: string;
  newEmail: string;
}) {
  const t = useTranslations("EmailConfirm");
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  if (state?.ok) {
    return (
      <div data-testid="email-change-done">
        <h1 className="text-lg font-semibold text-zinc-900">{t("doneTitle")}</h1>
        <p className="mt-1 mb-5 text-sm text-zinc-500">
          {t.rich("doneText", {
            email: (state.data as { email: string } | undefined)?.email ?? newEmail,
            address: (chunks) => (
              <span className="font-medium break-all text-zinc-800" data-testid="email-change-new">
                {chunks}
              </span>
            ),
          })}
        </p>
        <LinkButton href="/account" data-testid="email-change-account">
          {t("account")}
        </LinkButton>
      </div>
    );
  }
  return (
    <form {...formProps} data-testid="email-change-confirm-form">
      <h1 className="text-lg font-semibold text-zinc-900">{t("title")}</h1>
      <p className="mt-1 mb-5 text-sm text-zinc-500">
        {t.rich("intro", {
          email: newEmail,
          address: (chunks) => (
            <span className="font-medium break-all text-zinc-800">{chunks}</span>
          ),
        })}
      </p>
      {state && !state.ok ? (
        <div className="mb-4 space-y-2">
          <FormMessage state={state} />
          <Link
            href="/account/profile"
            className="block text-sm font-medium text-brand-700 hover:underline"
          >
            {t("profile")}
          </Link>
        </div>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <SubmitButton
        pending={pending}
        className="w-full"
        pendingLabel={t("submitting")}
        data-testid="email-change-confirm"
      >
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
