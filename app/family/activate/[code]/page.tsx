import type { Metadata } from "next";
import Link from "next/link";
import { ContentAccessBadges } from "@/components/billing/badges";
import { ActivateFamilyForm } from "@/components/customer/family/activate-family-form";
import { maskEmail } from "@/lib/mask-email";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";
import { currentUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { childDates } from "@/lib/family/child-dates";
import { findFamilyRequestByCode, type FamilyRequestView } from "@/lib/family/find-family-request";
import { contentAccessNames } from "@/lib/subscriptions/content-access-names";
import { activateFamilyCodeAction } from "./actions";

export const metadata: Metadata = { title: "Activate a family subscription" };

/** What the code would give, in words: the master's dates, N days from activation, or until a fixed date. */
function describeDates(view: FamilyRequestView): string {
  const dates = childDates(view, view.masterSubscription, now());
  if (!dates) return "Nothing: the fixed end date has passed.";
  if (view.donationMethod === "days")
    return `${view.donationDays} days from activation, until ${formatDate(dates.endAt)}`;
  if (view.donationMethod === "fixed") return `From activation until ${formatDate(dates.endAt)}`;
  return `${formatDate(dates.startAt)} – ${formatDate(dates.endAt)}, the same dates as the family subscription`;
}

/** Why a code cannot be activated any more, or null while it can. */
function unavailableReason(view: FamilyRequestView): { title: string; body: string } | null {
  if (view.request.status === "accepted")
    return {
      title: "This code has already been used",
      body: "Each code works once. Ask for another one.",
    };
  if (view.request.status === "canceled")
    return { title: "This code was canceled", body: "Ask for a new code." };
  if (view.expired)
    return {
      title: "This code has expired",
      body: "The family subscription it comes from has ended.",
    };
  return null;
}

export default async function ActivateFamilyPage({
  params,
}: {
  params: Promise<{ code: string }>;
}) {
  const { code } = await params;
  const [user, db] = await Promise.all([currentUser(), getDb()]);
  const view = await findFamilyRequestByCode(db, code, {
    markOpened: true,
    viewerId: user?.id ?? null,
  });

  if (!view) {
    return (
      <Notice tone="warning" title="We do not know this code" data-testid="family-activate-unknown">
        Check the link you were sent: it should end in 32 letters and digits.
      </Notice>
    );
  }

  const names = await contentAccessNames(db, view.subscriptionType.contentAccess);
  const giver = view.master.name?.trim() || maskEmail(view.master.email);
  const unavailable = unavailableReason(view);
  const here = `/family/activate/${view.request.code}`;

  return (
    <Card
      data-testid="family-activate-card"
      data-status={view.request.status}
      data-expired={view.expired ? "true" : "false"}
    >
      <CardHeader
        title={`${giver} shares a subscription with you`}
        description="A family subscription code"
      />
      <CardBody className="space-y-5">
        <dl className="grid grid-cols-[8rem_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
          <dt className="text-zinc-500">From</dt>
          <dd className="text-zinc-900" data-testid="family-activate-master">
            {giver}
          </dd>
          <dt className="text-zinc-500">Subscription</dt>
          <dd className="font-medium text-zinc-900" data-testid="family-activate-type">
            {view.subscriptionType.name}
          </dd>
          <dt className="text-zinc-500">Access</dt>
          <dd className="flex flex-wrap items-center gap-2" data-testid="family-activate-access">
            <ContentAccessBadges codes={view.subscriptionType.contentAccess} />
            <span className="text-zinc-500">
              {view.subscriptionType.contentAccess
                .map((access) => names[access] ?? access)
                .join(", ")}
            </span>
          </dd>
          <dt className="text-zinc-500">Runs</dt>
          <dd className="text-zinc-900" data-testid="family-activate-dates">
            {describeDates(view)}
          </dd>
        </dl>

        {view.request.status === "accepted" &&
        user !== null &&
        view.request.childUserId === user.id ? (
          // Activated by this user (the action's re-render lands here too).
          <Notice
            tone="success"
            title="Your subscription is active"
            data-testid="family-activate-result"
          >
            <p>
              {view.subscriptionType.name}, yours since {formatDate(view.request.acceptedAt)}.
            </p>
            <p className="mt-2 flex items-center gap-2">
              <span>Access:</span>{" "}
              <ContentAccessBadges codes={view.subscriptionType.contentAccess} />
            </p>
            <LinkButton href="/account" className="mt-4" data-testid="family-activate-account">
              Go to my account
            </LinkButton>
          </Notice>
        ) : unavailable ? (
          <Notice
            tone="warning"
            title={unavailable.title}
            data-testid="family-activate-unavailable"
          >
            {unavailable.body}{" "}
            {user ? (
              <Link href="/account" className="font-medium underline">
                My account
              </Link>
            ) : null}
          </Notice>
        ) : user ? (
          <div className="space-y-2">
            <p className="text-sm text-zinc-600">
              You are signed in as <span className="font-medium text-zinc-900">{user.email}</span>.
              The subscription will be added to this account.
            </p>
            {user.id === view.master.id && !view.allowSelfUse ? (
              <p className="text-sm text-amber-700" data-testid="family-activate-own">
                This code comes from your own family subscription: share it with someone else.
              </p>
            ) : null}
            <ActivateFamilyForm
              action={activateFamilyCodeAction}
              code={view.request.code}
              typeName={view.subscriptionType.name}
            />
          </div>
        ) : (
          <div className="space-y-3">
            <p className="text-sm text-zinc-600">
              Sign in or create a free account to activate it. You will come back here.
            </p>
            <div className="flex flex-wrap gap-2">
              <LinkButton
                href={`/login?callbackUrl=${encodeURIComponent(here)}`}
                data-testid="family-signin"
              >
                Sign in
              </LinkButton>
              <LinkButton
                href={`/register?callbackUrl=${encodeURIComponent(here)}`}
                variant="secondary"
                data-testid="family-register"
              >
                Create an account
              </LinkButton>
            </div>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
