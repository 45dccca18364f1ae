import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { checkUpgradeDefaults } from "@/lib/upgrades/admin/check-upgrade-defaults";

export const metadata: Metadata = { title: "Upgrade defaults check" };

export default async function UpgradeDefaultsPage() {
  await requireStaffPage("/admin/upgrades/defaults", "catalog.read");
  const { problems, okCount } = await checkUpgradeDefaults(await getDb());
  return (
    <>
      <PageHeader
        title="Defaults check"
        description="Upgrades resolve their target as the default type of a content-access set and length: each one in use needs exactly one active default type."
        back={
          <Link href="/admin/upgrades" className="text-zinc-500 hover:text-zinc-900">
            ← Upgrades
          </Link>
        }
      />
      <Notice
        tone={problems.length === 0 ? "success" : "warning"}
        className="mb-6"
        data-testid="defaults-check-summary"
      >
        {problems.length === 0
          ? `All ${okCount} content-access sets and lengths have exactly one default type.`
          : `${problems.length} to fix; ${okCount} fine. Mark one active type of each set and length as default in Subscription types.`}
      </Notice>
      <Card>
        <CardHeader
          title="Problems"
          description="Checked: the set and length of every active type, and every target an option without an explicit target implies for its linked types."
        />
        {problems.length === 0 ? (
          <EmptyState title="Nothing to fix" />
        ) : (
          <Table data-testid="defaults-problems">
            <THead>
              <Tr>
                <Th>Content access</Th>
                <Th className="text-right">Length</Th>
                <Th>Problem</Th>
                <Th>Default types</Th>
              </Tr>
            </THead>
            <TBody>
              {problems.map((row) => (
                <Tr
                  key={`${row.contentAccess.join("+")}/${row.lengthDays}`}
                  data-testid="defaults-problem-row"
                >
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      {row.contentAccess.map((code) => (
                        <Badge key={code} tone="violet">
                          {code}
                        </Badge>
                      ))}
                    </div>
                  </Td>
                  <Td className="text-right tabular-nums">{row.lengthDays} days</Td>
                  <Td>
                    {row.problem === "missing" ? (
                      <Badge tone="red">No default type</Badge>
                    ) : (
                      <Badge tone="amber">{row.defaultTypes.length} default types</Badge>
                    )}
                  </Td>
                  <Td>
                    {row.defaultTypes.length === 0 ? (
                      <span className="text-zinc-400">—</span>
                    ) : (
                      row.defaultTypes.map((type, index) => (
                        <span key={type.code}>
                          {index > 0 ? ", " : null}
                          {type.name}{" "}
                          <span className="font-mono text-xs text-zinc-500">({type.code})</span>
                        </span>
                      ))
                    )}
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
