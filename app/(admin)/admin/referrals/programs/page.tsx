import type { Metadata } from "next";
import Link from "next/link";
import { ReferralProgramsTable } from "@/components/admin/referrals/referral-programs-table";
import { readText, type SearchParams } from "@/components/admin/search-params";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listReferralPrograms } from "@/lib/referrals/admin/list-referral-programs";

export const metadata: Metadata = { title: "Referral programs" };

export default async function ReferralProgramsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const staff = await requireStaffPage("/admin/referrals/programs", "automation.read");
  const canChange = can(staff.role, "automation.write");
  const params = await searchParams;
  const programs = await listReferralPrograms(await getDb());
  const saved = readText(params, "saved");
  const hasDefault = programs.some((program) => program.isDefault);
  return (
    <>
      <PageHeader
        title="Referral programs"
        description="What completes a referral and what the referrer and the friend get. New referrals join the default program."
        back={
          <Link href="/admin/referrals" className="text-zinc-500 hover:text-zinc-900">
            ← Referrals
          </Link>
        }
        actions={
          canChange ? (
            <LinkButton href="/admin/referrals/programs/new" data-testid="new-referral-program">
              New program
            </LinkButton>
          ) : null
        }
      />
      {saved ? (
        <Notice tone="success" className="mb-4" data-testid="saved-notice">
          Program “{saved}” saved.
        </Notice>
      ) : null}
      {readText(params, "deleted") ? (
        <Notice tone="success" className="mb-4" data-testid="deleted-notice">
          Program deleted.
        </Notice>
      ) : null}
      {programs.length > 0 && !hasDefault ? (
        <Notice tone="warning" className="mb-4" data-testid="no-default-notice">
          No program is the default, so new referrals cannot be made. Make one the default.
        </Notice>
      ) : null}
      <Card>
        {programs.length === 0 ? (
          <EmptyState
            title="No referral programs yet"
            description="Create one and make it the default to let customers refer friends."
            action={
              canChange ? (
                <LinkButton href="/admin/referrals/programs/new">Create one</LinkButton>
              ) : null
            }
          />
        ) : (
          <ReferralProgramsTable rows={programs} />
        )}
      </Card>
    </>
  );
}
