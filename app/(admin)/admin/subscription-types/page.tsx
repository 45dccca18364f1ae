import type { Metadata } from "next";
import Link from "next/link";
import { ContentAccessBadges } from "@/components/billing/badges";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Folded, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { readText, type SearchParams } from "@/components/admin/search-params";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatMoney } from "@/lib/money";
import { listSubscriptionTypes } from "@/lib/subscriptions/list-subscription-types";

export const metadata: Metadata = { title: "Subscription types" };

export default async function SubscriptionTypesPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const staff = await requireStaffPage("/admin/subscription-types", "catalog.read");
  const canChange = can(staff.role, "catalog.write");
  const saved = readText(await searchParams, "saved");
  const types = await listSubscriptionTypes(await getDb());
  return (
    <>
      <PageHeader
        title="Subscription types"
        description="What customers can buy: length, price and the content it gives access to."
        actions={
          canChange ? (
            <LinkButton href="/admin/subscription-types/new" data-testid="new-subscription-type">
              New subscription type
            </LinkButton>
          ) : null
        }
      />
      {saved ? (
        <Notice tone="success" className="mb-4" data-testid="saved-notice">
          Subscription type <span className="font-mono">{saved}</span> saved.
        </Notice>
      ) : null}
      <Card>
        {types.length === 0 ? (
          <EmptyState
            title="No subscription types yet"
            action={
              canChange ? (
                <LinkButton href="/admin/subscription-types/new">Create one</LinkButton>
              ) : null
            }
          />
        ) : (
          <Table data-testid="subscription-types-table">
            <THead>
              <Tr>
                <Th>Name</Th>
                <Th hideBelow="lg">Code</Th>
                <Th className="text-right">Length</Th>
                <Th className="text-right">Price</Th>
                <Th>Content</Th>
                <Th>Flags</Th>
                <Th hideBelow="xl">Renews into</Th>
              </Tr>
            </THead>
            <TBody>
              {types.map((type) => (
                <Tr key={type.id} data-testid={`subscription-type-${type.code}`}>
                  <Td>
                    <Link
                      href={`/admin/subscription-types/${type.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {type.name}
                    </Link>
                    <Folded below="lg" className="font-mono">
                      {type.code}
                    </Folded>
                    <Folded below="xl" label="Renews into">
                      {type.nextTypeName ?? "same type"}
                    </Folded>
                  </Td>
                  <Td className="font-mono text-xs" hideBelow="lg">
                    {type.code}
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {type.lengthDays} days
                  </Td>
                  <Td className="text-right font-medium whitespace-nowrap tabular-nums">
                    {formatMoney(type.priceCents)}
                  </Td>
                  <Td>
                    <ContentAccessBadges codes={type.contentAccess} />
                  </Td>
                  <Td>
                    <span className="inline-flex max-w-40 flex-wrap gap-1">
                      {type.active ? <Badge tone="green">active</Badge> : <Badge>inactive</Badge>}
                      {type.isDefault ? <Badge tone="blue">default</Badge> : null}
                      {type.offered ? (
                        <Badge tone="violet" data-testid={`offered-${type.code}`}>
                          offered
                        </Badge>
                      ) : null}
                      {type.offered && type.highlighted ? (
                        <Badge tone="amber">recommended</Badge>
                      ) : null}
                    </span>
                  </Td>
                  <Td className="text-zinc-600" hideBelow="xl">
                    {type.nextTypeName ?? <span className="text-zinc-400">same type</span>}
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
