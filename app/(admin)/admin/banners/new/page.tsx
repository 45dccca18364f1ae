import type { Metadata } from "next";
import Link from "next/link";
import { BannerForm } from "@/components/admin/banner-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { saveBannerAction } from "../actions";

export const metadata: Metadata = { title: "New banner" };

export default async function NewBannerPage() {
  await requireStaffPage("/admin/banners/new", "automation.write");
  return (
    <>
      <PageHeader
        title="New banner"
        back={
          <Link href="/admin/banners" className="text-zinc-500 hover:text-zinc-900">
            ← Banners
          </Link>
        }
      />
      <Card className="max-w-5xl">
        <CardBody className="px-6 py-5">
          <BannerForm action={saveBannerAction} />
        </CardBody>
      </Card>
    </>
  );
}
