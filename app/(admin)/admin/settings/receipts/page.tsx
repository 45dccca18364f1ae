import type { Metadata } from "next";
import { ReadOnlyNotice, ReadOnlyUnless } from "@/components/admin/read-only-unless";
import { ReceiptSellerForm } from "@/components/admin/receipt-seller-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getSetting } from "@/lib/settings";
import { saveReceiptSellerAction } from "./actions";

export const metadata: Metadata = { title: "Receipts" };

export default async function ReceiptSettingsPage() {
  const staff = await requireStaffPage("/admin/settings/receipts", "catalog.read");
  const canChange = can(staff.role, "catalog.write");
  const seller = await getSetting(await getDb(), "receipts.seller");
  return (
    <>
      <PageHeader
        title="Receipts"
        description="The seller printed on every receipt and credit note customers download. Receipts are numbered per year (2026-000042), credit notes likewise (CN-2026-000007)."
      />
      <ReadOnlyNotice allowed={canChange} />
      <Card className="max-w-2xl">
        <CardHeader title="Seller" />
        <CardBody>
          <ReadOnlyUnless allowed={canChange}>
            <ReceiptSellerForm action={saveReceiptSellerAction} seller={seller} />
          </ReadOnlyUnless>
        </CardBody>
      </Card>
    </>
  );
}
