"use client";

import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { startTransition, useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { ContentAccessBadges } from "@/components/billing/badges";
import { LinkButton } from "@/components/ui/button";
import { formatDate } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

export interface ActivatedCode {
  startAt: string;
  endAt: string;
  subscriptionTypeCode: string;
  access: string[];
}

type ActivateAction = (
  state: ActionState<ActivatedCode>,
  formData: FormData,
) => Promise<ActionState<ActivatedCode>>;

/** The Activate button of /family/activate/<code>; after a success it shows what the friend got, with a way on. */
export function ActivateFamilyForm({
  action,
  code,
  typeName,
}: {
  action: ActivateAction;
  code: string;
  typeName: string;
}) {
  const t = useTranslations("FamilyActivate");
  const locale = useLocale();
  // The viewer's zone, as the server rendered the page with (i18n/request.ts).
  const timeZone = useTimeZone() ?? "UTC";
  const [state, dispatch, pending] = useActionState(action, null);

  if (state?.ok && state.data) {
    const result = state.data;
    return (
      <Notice tone="success" title={t("active.title")} data-testid="family-activate-result">
        <p>
          {typeName}: {formatDate(new Date(result.startAt), locale, timeZone)} –{" "}
          {formatDate(new Date(result.endAt), locale, timeZone)}
        </p>
        <p className="mt-2 flex items-center gap-2">
          <span>{t("active.access")}</span> <ContentAccessBadges codes={result.access} />
        </p>
        <LinkButton href="/account" className="mt-4" data-testid="family-activate-account">
          {t("goToAccount")}
        </LinkButton>
      </Notice>
    );
  }

  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => dispatch(data));
      }}
    >
      {state && !state.ok ? (
        <Notice tone="error" data-testid="family-activate-error">
          {state.message}
        </Notice>
      ) : null}
      <input type="hidden" name="code" value={code} />
      <SubmitButton pending={pending} pendingLabel={t("activating")} data-testid="family-activate">
        {t("activate")}
      </SubmitButton>
    </form>
  );
}
