import type { Metadata } from "next";
import Link from "next/link";
import { readEnum, readText, type SearchParams } from "@/components/admin/search-params";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import {
  PERMISSION_NAMES,
  PERMISSIONS,
  ROLE_DESCRIPTIONS,
  ROLE_LABELS,
} from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "No access" };

/**
 * Where a staff page sends someone whose role lacks its permission (lib/auth/session.ts requireStaffPage): what they
 * tried to open, what it needs, what their role allows, and who can change it.
 */
export default async function NoAccessPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const staff = await requireStaffPage("/admin/no-access", "dashboard.read");
  const params = await searchParams;
  const needs = readEnum(params, "needs", PERMISSION_NAMES);
  // Only a path inside the admin is shown (and never followed): the query string is anyone's to write.
  const from = readText(params, "from");
  const page = from?.startsWith("/admin") ? from : undefined;
  return (
    <>
      <PageHeader title="You don't have access to this page" />
      <Card className="max-w-2xl space-y-3 px-6 py-6 text-sm text-zinc-700" data-testid="no-access">
        <p>
          {page ? (
            <>
              <span className="font-mono text-zinc-900">{page}</span> needs permission to{" "}
            </>
          ) : (
            "That page needs permission to "
          )}
          <span className="font-medium text-zinc-900" data-testid="no-access-needs">
            {needs ? PERMISSIONS[needs] : "do something your role does not include"}
          </span>
          .
        </p>
        <p data-testid="no-access-role">
          Your role is <span className="font-medium text-zinc-900">{ROLE_LABELS[staff.role]}</span>:{" "}
          {ROLE_DESCRIPTIONS[staff.role]}
        </p>
        <p>If you need it for your work, ask an owner to change your role.</p>
        <p>
          <Link href="/admin" className="font-medium text-brand-700 hover:underline">
            ← Back to the dashboard
          </Link>
        </p>
      </Card>
    </>
  );
}
