import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ReadOnlyNotice, ReadOnlyUnless } from "@/components/admin/read-only-unless";
import { ReferralProgramForm } from "@/components/admin/referrals/referral-program-form";
import { ActionButton } from "@/components/ui/action-button";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { findReferralProgram } from "@/lib/referrals/admin/list-referral-programs";
import { programFormRegistries } from "@/lib/referrals/admin/program-form-entries";
import { programInputOf } from "@/lib/referrals/schemas";
import { deleteReferralProgramAction, saveReferralProgramAction } from "../../actions";

export const metadata: Metadata = { title: "Referral program" };

export default async function ReferralProgramPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await requireStaffPage(`/admin/referrals/programs/${id}`, "automation.read");
  const canChange = can(staff.role, "automation.write");
  const programId = z.coerce.number().int().positive().max(2_147_483_647).safeParse(id);
  if (!programId.success) notFound();
  const program = await findReferralProgram(await getDb(), programId.data);
  if (!program) notFound();
  return (
    <>
      <PageHeader
        title={program.name}
        back={
          <Link href="/admin/referrals/programs" className="text-zinc-500 hover:text-zinc-900">
            ← Referral programs
          </Link>
        }
        actions={
          <>
            <LinkButton
              href={`/admin/referrals?program=${program.id}`}
              variant="secondary"
              data-testid="program-referrals-link"
            >
              Its referrals
            </LinkButton>
            {canChange ? (
              <ActionButton
                action={deleteReferralProgramAction}
                fields={{ programId: program.id }}
                label="Delete program"
                pendingLabel="Deleting…"
                variant="danger"
                confirm="Delete this program? Only a program no referral belongs to can be deleted."
                testId="delete-referral-program"
              />
            ) : null}
          </>
        }
      />
      <ReadOnlyNotice allowed={canChange} />
      <Card className="max-w-3xl">
        <CardBody className="px-6 py-5">
          <ReadOnlyUnless allowed={canChange}>
            <ReferralProgramForm
              action={saveReferralProgramAction}
              registries={programFormRegistries()}
              initial={{ id: program.id, program: programInputOf(program) }}
            />
          </ReadOnlyUnless>
        </CardBody>
      </Card>
    </>
  );
}
