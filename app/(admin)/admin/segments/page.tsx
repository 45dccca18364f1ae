import type { Metadata } from "next";
import Link from "next/link";
import { readText, type SearchParams } from "@/components/admin/search-params";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatMoney } from "@/lib/money";
import { countSegmentsUsers } from "@/lib/segments/count-segments-users";
import { listSegments } from "@/lib/segments/list-segments";
import { describeRules } from "@/lib/segments/segment-rule-fields";

export const metadata: Metadata = { title: "Segments" };

export default async function SegmentsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const staff = await requireStaffPage("/admin/segments", "automation.read");
  const canChange = can(staff.role, "automation.write");
  const params = await searchParams;
  const saved = readText(params, "saved");
  const deleted = readText(params, "deleted");
  const db = await getDb();
  const segments = await listSegments(db);
  const counts = await countSegmentsUsers(db, segments);
  return (
    <>
      <PageHeader
        title="Segments"
        description="Users picked by rules; scenarios ask whether a user is in one now."
        actions={
          canChange ? (
            <LinkButton href="/admin/segments/new" data-testid="new-segment">
              New segment
            </LinkButton>
          ) : null
        }
      />
      {saved ? (
        <Notice tone="success" className="mb-4" data-testid="saved-notice">
          Segment <span className="font-mono">{saved}</span> saved.
        </Notice>
      ) : null}
      {deleted ? (
        <Notice tone="success" className="mb-4" data-testid="deleted-notice">
          Segment <span className="font-mono">{deleted}</span> deleted.
        </Notice>
      ) : null}
      <Card>
        {segments.length === 0 ? (
          <EmptyState
            title="No segments yet"
            action={
              canChange ? <LinkButton href="/admin/segments/new">Create one</LinkButton> : null
            }
          />
        ) : (
          <Table data-testid="segments-table">
            <THead>
              <Tr>
                <Th>Name</Th>
                <Th>Code</Th>
                <Th>Rules</Th>
                <Th className="text-right">Members</Th>
              </Tr>
            </THead>
            <TBody>
              {segments.map((segment) => (
                <Tr key={segment.id} data-testid={`segment-${segment.code}`}>
                  <Td>
                    <Link
                      href={`/admin/segments/${segment.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {segment.name}
                    </Link>
                  </Td>
                  <Td className="font-mono text-xs">{segment.code}</Td>
                  <Td className="max-w-md text-zinc-600">
                    {describeRules(segment.rules, formatMoney)}
                  </Td>
                  <Td
                    className="text-right tabular-nums"
                    data-testid={`segment-${segment.code}-count`}
                  >
                    {counts.get(segment.id) ?? 0}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </>
  );
}
