import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ADMIN_AREAS } from "@/components/admin/admin-areas";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";

interface Props {
  params: Promise<{ area: string }>;
}

function laterArea(slug: string) {
  return ADMIN_AREAS.find((area) => area.slug === slug && area.arrivesWith);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const area = laterArea((await params).area);
  return { title: area?.label ?? "Not found" };
}

/** The one page for admin areas that later modules own: it says so plainly instead of faking the feature. */
export default async function NotYetAvailablePage({ params }: Props) {
  const { area: slug } = await params;
  await requireStaffPage(`/admin/${slug}`, "dashboard.read");
  const area = laterArea(slug);
  if (!area) notFound();
  return (
    <>
      <PageHeader title={area.label} />
      <Card className="px-6 py-14 text-center" data-testid="not-yet-available">
        <p className="text-sm font-medium text-zinc-900">Not yet available</p>
        <p className="mt-1 text-sm text-zinc-500">
          {area.label} arrives with {area.arrivesWith}.
        </p>
      </Card>
    </>
  );
}
