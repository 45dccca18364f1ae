import type { Metadata } from "next";
import Link from "next/link";
import { ContentAccessForm } from "@/components/admin/content-access-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listContentAccess } from "@/lib/subscriptions/list-content-access";
import { createContentAccessAction } from "./actions";

export const metadata: Metadata = { title: "Content access" };

export default async function ContentAccessPage() {
  const staff = await requireStaffPage("/admin/content-access", "catalog.read");
  const canChange = can(staff.role, "catalog.write");
  const rows = await listContentAccess(await getDb());
  return (
    <>
      <PageHeader
        title="Content access"
        description="What a subscription unlocks: web, print, club…"
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <Card className="min-w-0">
          {rows.length === 0 ? (
            <EmptyState
              title="No content access yet"
              description={canChange ? "Create the first one with the form." : undefined}
            />
          ) : (
            <Table data-testid="content-access-table">
              <THead>
                <Tr>
                  <Th>Code</Th>
                  <Th>Name</Th>
                  <Th>Description</Th>
                  <Th className="text-right">Types</Th>
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                </Tr>
              </THead>
              <TBody>
                {rows.map((row) => (
                  <Tr key={row.id} data-testid={`content-access-${row.code}`}>
                    <Td>
                      <Badge tone="violet">{row.code}</Badge>
                    </Td>
                    <Td className="font-medium text-zinc-900">{row.name}</Td>
                    <Td className="text-zinc-500">{row.description ?? "—"}</Td>
                    <Td className="text-right tabular-nums">{row.typeCount}</Td>
                    <Td className="text-right">
                      <Link
                        href={`/admin/content-access/${row.id}`}
                        className="text-sm font-medium text-brand-700 hover:underline"
                      >
                        {canChange ? "Edit" : "View"}
                      </Link>
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
        {canChange ? (
          <Card className="self-start">
            <CardHeader title="New content access" />
            <CardBody>
              <ContentAccessForm action={createContentAccessAction} />
            </CardBody>
          </Card>
        ) : null}
      </div>
    </>
  );
}
