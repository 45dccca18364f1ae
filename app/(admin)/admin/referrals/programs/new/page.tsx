import type { Metadata } from "next";
import Link from "next/link";
import { ReferralProgramForm } from "@/components/admin/referrals/referral-program-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { programFormRegistries } from "@/lib/referrals/admin/program-form-entries";
import { saveReferralProgramAction } from "../../actions";

export const metadata: Metadata = { title: "New referral program" };

export default async function NewReferralProgramPage() {
  await requireStaffPage("/admin/referrals/programs/new", "automation.write");
  return (
    <>
      <PageHeader
        title="New referral program"
        back={
          <Link href="/admin/referrals/programs" className="text-zinc-500 hover:text-zinc-900">
            ← Referral programs
          </Link>
        }
      />
      <Card className="max-w-3xl">
        <CardBody className="px-6 py-5">
          <ReferralProgramForm
            action={saveReferralProgramAction}
            registries={programFormRegistries()}
          />
        </CardBody>
      </Card>
    </>
  );
}
