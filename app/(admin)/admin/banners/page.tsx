import type { Metadata } from "next";
import Link from "next/link";
import { readText, type SearchParams } from "@/components/admin/search-params";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { listBanners } from "@/lib/banners/list-banners";
import { getDb } from "@/lib/db";
import type { BannerStyle } from "@/lib/db/schema";

export const metadata: Metadata = { title: "Banners" };

const STYLE_TONES: Record<BannerStyle, BadgeTone> = {
  info: "blue",
  success: "green",
  warning: "amber",
  promo: "violet",
};

export default async function BannersPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const staff = await requireStaffPage("/admin/banners", "automation.read");
  const canChange = can(staff.role, "automation.write");
  const params = await searchParams;
  const banners = await listBanners(await getDb());
  return (
    <>
      <PageHeader
        title="Banners"
        description="Messages that scenarios show in the customer zone until the customer dismisses them or they expire."
        actions={
          canChange ? (
            <LinkButton href="/admin/banners/new" data-testid="new-banner">
              New banner
            </LinkButton>
          ) : null
        }
      />
      {readText(params, "saved") ? (
        <Notice tone="success" className="mb-4" data-testid="saved-notice">
          Banner saved.
        </Notice>
      ) : null}
      {readText(params, "deleted") ? (
        <Notice tone="success" className="mb-4" data-testid="deleted-notice">
          Banner deleted.
        </Notice>
      ) : null}
      <Card>
        {banners.length === 0 ? (
          <EmptyState
            title="No banners yet"
            description="Create one, then show it from a scenario's banner node."
            action={
              canChange ? <LinkButton href="/admin/banners/new">Create one</LinkButton> : null
            }
          />
        ) : (
          <Table data-testid="banners-table">
            <THead>
              <Tr>
                <Th>Name</Th>
                <Th>Title</Th>
                <Th>Style</Th>
                <Th className="text-right">Times shown</Th>
                <Th className="text-right">Dismissed</Th>
              </Tr>
            </THead>
            <TBody>
              {banners.map((banner) => (
                <Tr key={banner.id} data-testid={`banner-row-${banner.id}`}>
                  <Td>
                    <Link
                      href={`/admin/banners/${banner.id}`}
                      className="font-medium text-brand-700 hover:underline"
                      data-testid={`banner-link-${banner.id}`}
                    >
                      {banner.name}
                    </Link>
                  </Td>
                  <Td className="text-zinc-700">{banner.title}</Td>
                  <Td>
                    <Badge tone={STYLE_TONES[banner.style]}>{banner.style}</Badge>
                  </Td>
                  <Td className="text-right tabular-nums" data-testid={`banner-shown-${banner.id}`}>
                    {banner.shownCount}
                  </Td>
                  <Td
                    className="text-right tabular-nums"
                    data-testid={`banner-dismissed-${banner.id}`}
                  >
                    {banner.dismissedCount}
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
