import type { Metadata } from "next";
import Link from "next/link";
import { ExportCsvLink } from "@/components/admin/export-csv-link";
import { readReferralListFilters } from "@/components/admin/list-filters";
import { ReferralFilters } from "@/components/admin/referrals/referral-filters";
import { ReferralRewardsTable } from "@/components/admin/referrals/referral-rewards-table";
import { ReferralsTable } from "@/components/admin/referrals/referrals-table";
import { ReferralActivityCard } from "@/components/charts/referral-activity-card";
import {
  hrefWith,
  PAGE_SIZE,
  readEnum,
  readId,
  readPage,
  type SearchParams,
} from "@/components/admin/search-params";
import { LinkButton } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb, type Db } from "@/lib/db";
import { countReferrals } from "@/lib/referrals/admin/count-referrals";
import { listReferralPrograms } from "@/lib/referrals/admin/list-referral-programs";
import { listReferralRewards } from "@/lib/referrals/admin/list-referral-rewards";
import { listReferrals } from "@/lib/referrals/admin/list-referrals";
import { approveReferralAction, rejectReferralAction, retryReferralAction } from "./actions";

export const metadata: Metadata = { title: "Referrals" };

const TABS = ["referrals", "rewards"] as const;
type Tab = (typeof TABS)[number];

function Tabs({ current }: { current: Tab }) {
  const tab = (value: Tab, label: string) => (
    <Link
      href={value === "referrals" ? "/admin/referrals" : `/admin/referrals?tab=${value}`}
      aria-current={current === value ? "page" : undefined}
      className={cn(
        "border-b-2 px-1 pb-2 text-sm font-medium",
        current === value
          ? "border-brand-600 text-zinc-900"
          : "border-transparent text-zinc-500 hover:text-zinc-900",
      )}
      data-testid={`referrals-tab-${value}`}
    >
      {label}
    </Link>
  );
  return (
    <nav className="mb-4 flex gap-6 border-b border-zinc-200">
      {tab("referrals", "Referrals")}
      {tab("rewards", "Rewards")}
    </nav>
  );
}

async function ReferralsSection({
  db,
  params,
  canReview,
}: {
  db: Db;
  params: SearchParams;
  canReview: boolean;
}) {
  const page = readPage(params);
  const { query, filters: listFilters } = readReferralListFilters(params);
  const filters = {
    status: listFilters.status,
    program: listFilters.programId,
    flagged: listFilters.flaggedOnly,
    email: listFilters.email,
  };
  const [programs, referrals] = await Promise.all([
    listReferralPrograms(db),
    listReferrals(db, {
      ...listFilters,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
  ]);
  const filtered = Boolean(filters.status || filters.program || filters.flagged || filters.email);
  return (
    <Card>
      <CardHeader
        title="Referrals"
        description="Newest first. Flagged referrals wait for review; failed rewards can be retried."
        actions={<ExportCsvLink href={hrefWith("/admin/referrals/export.csv", query)} />}
      />
      <ReferralFilters
        values={filters}
        programs={programs.map(({ id, name }) => ({ id, name }))}
        clearHref="/admin/referrals"
      />
      {referrals.rows.length === 0 ? (
        <EmptyState title={filtered ? "No referrals match" : "No referrals yet"} />
      ) : (
        <ReferralsTable
          rows={referrals.rows}
          actions={
            canReview
              ? {
                  approve: approveReferralAction,
                  reject: rejectReferralAction,
                  retry: retryReferralAction,
                }
              : undefined
          }
        />
      )}
      <Pagination
        page={page}
        pageSize={PAGE_SIZE}
        total={referrals.total}
        hrefFor={(n) =>
          hrefWith("/admin/referrals", {
            status: filters.status,
            program: filters.program,
            flagged: filters.flagged ? "1" : undefined,
            email: filters.email,
            page: n,
          })
        }
      />
    </Card>
  );
}

async function RewardsSection({ db, params }: { db: Db; params: SearchParams }) {
  const page = readPage(params);
  const referralId = readId(params, "referral");
  const rewards = await listReferralRewards(db, {
    referralId,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  return (
    <Card>
      <CardHeader
        title={referralId === undefined ? "Rewards" : `Rewards of referral #${referralId}`}
        description="Every reward earned by a completed referral, to referrers and friends: held until its grant date, granted, or taken back after a refund."
        actions={
          referralId === undefined ? undefined : (
            <Link
              href="/admin/referrals?tab=rewards"
              className="text-sm text-brand-700 hover:underline"
            >
              All rewards
            </Link>
          )
        }
      />
      {rewards.rows.length === 0 ? (
        <EmptyState title="No rewards yet" />
      ) : (
        <ReferralRewardsTable rows={rewards.rows} />
      )}
      <Pagination
        page={page}
        pageSize={PAGE_SIZE}
        total={rewards.total}
        hrefFor={(n) =>
          hrefWith("/admin/referrals", { tab: "rewards", referral: referralId, page: n })
        }
      />
    </Card>
  );
}

export default async function ReferralsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const staff = await requireStaffPage("/admin/referrals", "customers.read");
  const canChange = can(staff.role, "customers.write");
  const params = await searchParams;
  const tab = readEnum(params, "tab", TABS) ?? "referrals";
  const db = await getDb();
  const counts = await countReferrals(db);
  return (
    <>
      <PageHeader
        title="Referrals"
        description={
          <span data-testid="referral-counts">
            {counts.pending} pending · {counts.complete} complete · {counts.error} failed ·{" "}
            {counts.expired} expired · {counts.rejected} rejected · {counts.flagged} waiting for
            review
          </span>
        }
        actions={
          can(staff.role, "automation.read") ? (
            <LinkButton
              href="/admin/referrals/programs"
              variant="secondary"
              data-testid="referral-programs-link"
            >
              Programs
            </LinkButton>
          ) : null
        }
      />
      <ReferralActivityCard params={params} className="mb-6" />
      <Tabs current={tab} />
      {tab === "rewards" ? (
        <RewardsSection db={db} params={params} />
      ) : (
        <ReferralsSection db={db} params={params} canReview={canChange} />
      )}
    </>
  );
}
