import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ReadOnlyNotice, ReadOnlyUnless } from "@/components/admin/read-only-unless";
import { BannerForm } from "@/components/admin/banner-form";
import { ActionButton } from "@/components/ui/action-button";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { listBanners } from "@/lib/banners/list-banners";
import { getDb } from "@/lib/db";
import { deleteBannerAction, saveBannerAction } from "../actions";

export const metadata: Metadata = { title: "Edit banner" };

export default async function EditBannerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await requireStaffPage(`/admin/banners/${id}`, "automation.read");
  const canChange = can(staff.role, "automation.write");
  const bannerId = z.coerce.number().int().positive().safeParse(id);
  if (!bannerId.success) notFound();
  const [banner] = await listBanners(await getDb(), { ids: [bannerId.data] });
  if (!banner) notFound();
  return (
    <>
      <PageHeader
        title={banner.name}
        description={`Shown ${banner.shownCount} times · dismissed ${banner.dismissedCount} times`}
        back={
          <Link href="/admin/banners" className="text-zinc-500 hover:text-zinc-900">
            ← Banners
          </Link>
        }
        actions={
          canChange ? (
            <ActionButton
              action={deleteBannerAction}
              fields={{ bannerId: banner.id }}
              label="Delete banner"
              pendingLabel="Deleting…"
              variant="danger"
              confirm="Delete this banner? Customers who see it now will no longer see it."
              testId="delete-banner"
            />
          ) : null
        }
      />
      <ReadOnlyNotice allowed={canChange} />
      <Card className="max-w-5xl">
        <CardBody className="px-6 py-5">
          <ReadOnlyUnless allowed={canChange}>
            <BannerForm
              action={saveBannerAction}
              initial={{
                id: banner.id,
                name: banner.name,
                title: banner.title,
                text: banner.text,
                linkUrl: banner.linkUrl,
                linkText: banner.linkText,
                style: banner.style,
              }}
            />
          </ReadOnlyUnless>
        </CardBody>
      </Card>
    </>
  );
}
