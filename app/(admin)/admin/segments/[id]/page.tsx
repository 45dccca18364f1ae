import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ReadOnlyNotice, ReadOnlyUnless } from "@/components/admin/read-only-unless";
import { hrefWith, PAGE_SIZE, readPage, type SearchParams } from "@/components/admin/search-params";
import { SegmentForm } from "@/components/admin/segment-form";
import { ActionButton } from "@/components/ui/action-button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { countSegmentUsers } from "@/lib/segments/count-segment-users";
import { findSegmentById } from "@/lib/segments/find-segment";
import { listSegmentUsers } from "@/lib/segments/list-segment-users";
import { loadSegmentFormOptions } from "@/lib/segments/load-segment-form-options";
import { countSegmentAction, deleteSegmentAction, saveSegmentAction } from "../actions";

export const metadata: Metadata = { title: "Edit segment" };

async function loadSegment(id: number) {
  const db = await getDb();
  try {
    return await findSegmentById(db, id);
  } catch (error) {
    if (isAppError(error) && error.code === "segment_not_found") notFound();
    throw error;
  }
}

export default async function EditSegmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const staff = await requireStaffPage(`/admin/segments/${id}`, "automation.read");
  const canChange = can(staff.role, "automation.write");
  const segmentId = z.coerce.number().int().positive().max(2_147_483_647).safeParse(id);
  if (!segmentId.success) notFound();
  const segment = await loadSegment(segmentId.data);
  const page = readPage(await searchParams);
  const db = await getDb();
  const target = { segmentId: segment.id };
  const [options, total, members] = await Promise.all([
    loadSegmentFormOptions(db, { excludeCode: segment.code }),
    countSegmentUsers(db, target),
    listSegmentUsers(db, { target, page, pageSize: PAGE_SIZE }),
  ]);
  return (
    <>
      <PageHeader
        title={segment.name}
        description={<span className="font-mono">{segment.code}</span>}
        back={
          <Link href="/admin/segments" className="text-zinc-500 hover:text-zinc-900">
            ← Segments
          </Link>
        }
        actions={
          canChange ? (
            <ActionButton
              action={deleteSegmentAction}
              fields={{ id: segment.id }}
              label="Delete segment"
              pendingLabel="Deleting…"
              confirm={`Delete segment ${segment.code}?`}
              variant="danger"
              testId="segment-delete"
            />
          ) : null
        }
      />
      <ReadOnlyNotice allowed={canChange} />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <CardBody className="px-6 py-5">
            <ReadOnlyUnless allowed={canChange}>
              <SegmentForm
                action={saveSegmentAction}
                countAction={countSegmentAction}
                options={options}
                initial={{
                  id: segment.id,
                  code: segment.code,
                  name: segment.name,
                  description: segment.description,
                  rules: segment.rules,
                }}
              />
            </ReadOnlyUnless>
          </CardBody>
        </Card>
        <Card data-testid="segment-members">
          <CardHeader title={`Members now (${total})`} />
          {members.length === 0 ? (
            <EmptyState title="Nobody matches these rules now" />
          ) : (
            <Table data-testid="segment-members-table">
              <THead>
                <Tr>
                  <Th>User</Th>
                  <Th>Name</Th>
                </Tr>
              </THead>
              <TBody>
                {members.map((member) => (
                  <Tr key={member.id} data-testid={`segment-member-${member.id}`}>
                    <Td>
                      <Link
                        href={`/admin/users/${member.id}`}
                        className="text-brand-700 hover:underline"
                      >
                        {member.email}
                      </Link>
                    </Td>
                    <Td className="text-zinc-600">{member.name ?? "—"}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={total}
            hrefFor={(p) => hrefWith(`/admin/segments/${segment.id}`, { page: p })}
          />
        </Card>
      </div>
    </>
  );
}
