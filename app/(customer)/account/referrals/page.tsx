import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import Link from "next/link";
import { describeReferralProgram } from "@/components/customer/referrals/program-summary";
import { InviteFriendForm } from "@/components/customer/referrals/invite-friend-form";
import { MyReferralRewards } from "@/components/customer/referrals/my-referral-rewards";
import { MyReferrals } from "@/components/customer/referrals/my-referrals";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyLinkField } from "@/components/ui/copy-link-field";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireUserPageView } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { appBaseUrl } from "@/lib/email/build-email-context";
import { listUserReferrals } from "@/lib/referrals/list-user-referrals";
import { getReferralLink } from "@/lib/referrals/referral-link";
import { findDefaultProgram } from "@/lib/referrals/referral-rules";
import { recordSighting, requestFingerprint } from "@/lib/referrals/sightings";
import { inviteFriendAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Referrals"))("title") };
}

/** The origin this page was requested on (as the hosting proxy forwards it), so the link works where it is copied. */
async function requestOrigin(): Promise<string> {
  const list = await headers();
  const host = list.get("x-forwarded-host")?.split(",")[0]?.trim() || list.get("host");
  if (!host) return appBaseUrl();
  const forwarded = list.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const local = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host);
  return `${forwarded || (local ? "http" : "https")}://${host}`;
}

export default async function ReferralsPage() {
  const { user, readOnly } = await requireUserPageView("/account/referrals");
  const db = await getDb();
  // Every list is scoped to the signed-in user's id in its query. Where the referrer takes their link is a sighting
  // for the fraud guard (sessions outlive the review window, so sign-ins alone are not enough) — the customer's own
  // visit only, not staff viewing their account.
  const [link, listed, program, origin, t, copyT, locale] = await Promise.all([
    getReferralLink(db, user.id),
    listUserReferrals(db, { userId: user.id }),
    findDefaultProgram(db),
    requestOrigin(),
    getTranslations("Referrals"),
    getTranslations("CopyLink"),
    getLocale(),
    readOnly
      ? null
      : requestFingerprint().then((fingerprint) =>
          recordSighting(db, { userId: user.id, ...fingerprint }),
        ),
  ]);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        back={
          <Link href="/account" className="text-brand-700 hover:underline">
            {t("back")}
          </Link>
        }
      />
      <div className="space-y-6">
        <Card data-testid="referral-program">
          <CardHeader title={t("link.title")} description={t("link.description")} />
          <CardBody className="space-y-3">
            <CopyLinkField
              link={`${origin}${link.path}`}
              label={t("link.label")}
              labels={{
                copy: copyT("copy"),
                copied: copyT("copied"),
                selectHint: copyT("selectHint"),
              }}
              inputTestId="referral-link"
              buttonTestId="referral-link-copy"
            />
            {program ? (
              <p className="text-sm text-zinc-700" data-testid="referral-program-summary">
                {describeReferralProgram(program, locale)}
              </p>
            ) : (
              <Notice tone="warning" data-testid="referral-program-closed">
                {t("closed")}
              </Notice>
            )}
          </CardBody>
        </Card>
        {program ? (
          <Card>
            <CardHeader title={t("invite.title")} description={t("invite.description")} />
            <CardBody>
              <InviteFriendForm action={inviteFriendAction} />
            </CardBody>
          </Card>
        ) : null}
        <MyReferrals referrals={listed.referrals} />
        <MyReferralRewards
          rewards={listed.rewards}
          unusedDiscountCodes={listed.unusedDiscountCodes}
        />
      </div>
    </>
  );
}
