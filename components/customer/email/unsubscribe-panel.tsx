"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/**
 * The unsubscribe link's page: opening it changes nothing (mail scanners fetch links), the button leaves the topic,
 * and once left the reader can undo it or go to all their preferences.
 */
export function UnsubscribePanel({
  unsubscribeAction,
  resubscribeAction,
  token,
  topicName,
  address,
  subscribed: initiallySubscribed,
  preferencesHref,
}: {
  unsubscribeAction: FormAction;
  resubscribeAction: FormAction;
  token: string;
  topicName: string;
  /** Masked: who the link is for, without showing the whole address to whoever holds it. */
  address: string;
  subscribed: boolean;
  preferencesHref: string;
}) {
  const t = useTranslations("EmailUnsubscribe");
  const [subscribed, setSubscribed] = useState(initiallySubscribed);
  const [changed, setChanged] = useState(false);
  const leave = useFormAction(async (state, formData) => {
    const result = await unsubscribeAction(state, formData);
    if (result?.ok) {
      setSubscribed(false);
      setChanged(true);
    }
    return result;
  });
  const rejoin = useFormAction(async (state, formData) => {
    const result = await resubscribeAction(state, formData);
    if (result?.ok) {
      setSubscribed(true);
      setChanged(true);
    }
    return result;
  });
  const preferencesLink = (
    <Link
      href={preferencesHref}
      className="block text-sm font-medium text-brand-700 hover:underline"
      data-testid="unsubscribe-preferences-link"
    >
      {t("preferences")}
    </Link>
  );

  if (!subscribed) {
    return (
      <div data-testid="unsubscribe-done">
        <h1 className="text-lg font-semibold text-zinc-900">
          {changed ? t("doneTitle", { topic: topicName }) : t("alreadyTitle", { topic: topicName })}
        </h1>
        <p className="mt-1 mb-5 text-sm text-zinc-500">{t("doneText", { address })}</p>
        <form {...rejoin.formProps} className="mb-4 space-y-3">
          {rejoin.state && !rejoin.state.ok ? <FormMessage state={rejoin.state} /> : null}
          <input type="hidden" name="token" value={token} />
          <SubmitButton
            pending={rejoin.pending}
            variant="secondary"
            className="w-full"
            pendingLabel={t("resubscribing")}
            data-testid="resubscribe"
          >
            {t("resubscribe")}
          </SubmitButton>
        </form>
        {preferencesLink}
      </div>
    );
  }
  return (
    <div data-testid="unsubscribe-confirm">
      {changed ? (
        <p className="mb-3 text-sm font-medium text-emerald-700" data-testid="resubscribed">
          {t("resubscribed", { topic: topicName })}
        </p>
      ) : null}
      <h1 className="text-lg font-semibold text-zinc-900">{t("title", { topic: topicName })}</h1>
      <p className="mt-1 mb-5 text-sm text-zinc-500">{t("intro", { topic: topicName, address })}</p>
      <form {...leave.formProps} className="mb-4 space-y-3">
        {leave.state && !leave.state.ok ? <FormMessage state={leave.state} /> : null}
        <input type="hidden" name="token" value={token} />
        <SubmitButton
          pending={leave.pending}
          className="w-full"
          pendingLabel={t("unsubscribing")}
          data-testid="unsubscribe-confirm-button"
        >
          {t("submit")}
        </SubmitButton>
      </form>
      {preferencesLink}
    </div>
  );
}
