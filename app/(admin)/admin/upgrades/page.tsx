import type { Metadata } from "next";
import Link from "next/link";
import { readText, type SearchParams } from "@/components/admin/search-params";
import { SubsequentUpgradesForm } from "@/components/admin/upgrades/subsequent-upgrades-form";
import { UpgradeSchemaNameForm } from "@/components/admin/upgrades/upgrade-schema-name-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Time } from "@/components/ui/time";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Folded, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { ReadOnlyUnless } from "@/components/admin/read-only-unless";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatMoney } from "@/lib/money";
import { getSetting } from "@/lib/settings";
import { checkUpgradeDefaults } from "@/lib/upgrades/admin/check-upgrade-defaults";
import { listRecentUpgrades } from "@/lib/upgrades/admin/list-recent-upgrades";
import { listUpgradeSchemas } from "@/lib/upgrades/admin/list-upgrade-schemas";
import { saveSubsequentUpgradesAction, saveUpgradeSchemaAction } from "./actions";

export const metadata: Metadata = { title: "Upgrades" };

const RECENT_UPGRADES = 50;

export default async function UpgradesPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const staff = await requireStaffPage("/admin/upgrades", "catalog.read");
  const canChange = can(staff.role, "catalog.write");
  const params = await searchParams;
  const db = await getDb();
  const [schemas, subsequent, defaults, recent] = await Promise.all([
    listUpgradeSchemas(db),
    getSetting(db, "upgrades.subsequent_upgrades"),
    checkUpgradeDefaults(db),
    listRecentUpgrades(db, { limit: RECENT_UPGRADES }),
  ]);
  const problemCount = defaults.problems.length;
  return (
    <>
      <PageHeader
        title="Upgrades"
        description="Schemas of upgrade options offered to subscribers of the linked subscription types."
      />
      {readText(params, "deleted") ? (
        <Notice tone="success" className="mb-4" data-testid="deleted-notice">
          Upgrade schema deleted.
        </Notice>
      ) : null}
      <Notice
        tone={problemCount === 0 ? "success" : "warning"}
        className="mb-6"
        data-testid="defaults-summary"
      >
        {problemCount === 0
          ? "Every content-access set and length has exactly one default subscription type. "
          : `${problemCount} content-access ${problemCount === 1 ? "set has" : "sets have"} no default type or more than one; upgrades cannot resolve their targets right until this is clean. `}
        <Link
          href="/admin/upgrades/defaults"
          className="font-medium underline"
          data-testid="defaults-check-link"
        >
          Open the defaults check
        </Link>
      </Notice>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader title="Upgrade schemas" />
            {schemas.length === 0 ? (
              <EmptyState
                title="No upgrade schemas yet"
                description="Create one with the form, then add options and link types."
              />
            ) : (
              <Table data-testid="upgrade-schemas-table">
                <THead>
                  <Tr>
                    <Th>Name</Th>
                    <Th className="text-right">Options</Th>
                    <Th>Linked types</Th>
                  </Tr>
                </THead>
                <TBody>
                  {schemas.map((schema) => (
                    <Tr key={schema.id} data-testid={`upgrade-schema-row-${schema.id}`}>
                      <Td>
                        <Link
                          href={`/admin/upgrades/${schema.id}`}
                          className="font-medium text-brand-700 hover:underline"
                        >
                          {schema.name}
                        </Link>
                      </Td>
                      <Td className="text-right tabular-nums">{schema.optionCount}</Td>
                      <Td>
                        {schema.linkedTypeCodes.length === 0 ? (
                          <span className="text-zinc-400">None</span>
                        ) : (
                          <div className="flex flex-wrap gap-1">
                            {schema.linkedTypeCodes.map((code) => (
                              <Badge key={code}>{code}</Badge>
                            ))}
                          </div>
                        )}
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </Card>
          <Card data-testid="recent-upgrades">
            <CardHeader title="Recent upgrades" description={`The latest ${RECENT_UPGRADES}.`} />
            {recent.length === 0 ? (
              <EmptyState title="No upgrades yet" />
            ) : (
              <Table data-testid="recent-upgrades-table">
                <THead>
                  <Tr>
                    <Th>When</Th>
                    <Th>User</Th>
                    <Th hideBelow="md">Method</Th>
                    <Th>Target</Th>
                    <Th className="text-right">Charge</Th>
                    <Th>Status</Th>
                  </Tr>
                </THead>
                <TBody>
                  {recent.map((upgrade) => (
                    <Tr key={upgrade.id}>
                      <Td className="whitespace-nowrap">
                        <Time value={upgrade.createdAt} />
                      </Td>
                      <Td>
                        <Link
                          href={`/admin/users/${upgrade.userId}`}
                          className="text-brand-700 hover:underline"
                        >
                          {upgrade.email}
                        </Link>
                      </Td>
                      <Td hideBelow="md">
                        <Badge tone="violet">{upgrade.type}</Badge>
                      </Td>
                      <Td>
                        {upgrade.targetTypeName}
                        <Folded below="md">
                          <Badge tone="violet">{upgrade.type}</Badge>
                        </Folded>
                      </Td>
                      <Td className="text-right tabular-nums">
                        {formatMoney(upgrade.chargeCents)}
                      </Td>
                      <Td>
                        <Badge tone={upgrade.status === "completed" ? "green" : "amber"}>
                          {upgrade.status}
                        </Badge>
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </Card>
        </div>
        <div className="space-y-6 self-start">
          {canChange ? (
            <Card>
              <CardHeader title="New schema" />
              <CardBody>
                <UpgradeSchemaNameForm action={saveUpgradeSchemaAction} />
              </CardBody>
            </Card>
          ) : null}
          <Card>
            <CardHeader title="Settings" />
            <CardBody>
              <ReadOnlyUnless allowed={canChange}>
                <SubsequentUpgradesForm
                  action={saveSubsequentUpgradesAction}
                  enabled={subsequent}
                />
              </ReadOnlyUnless>
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
