import type { Metadata } from "next";
import { ReadOnlyNotice, ReadOnlyUnless } from "@/components/admin/read-only-unless";
import { OutboundHostsForm } from "@/components/admin/outbound-hosts-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getSetting } from "@/lib/settings";
import { saveOutboundHostsAction } from "./actions";

export const metadata: Metadata = { title: "Outbound requests" };

export default async function OutboundSettingsPage() {
  const staff = await requireStaffPage("/admin/settings/outbound", "catalog.read");
  const canChange = can(staff.role, "catalog.write");
  const allowedHosts = await getSetting(await getDb(), "outbound.allowed_hosts");
  return (
    <>
      <PageHeader
        title="Outbound requests"
        description="Scenario webhooks reach only public internet addresses: a URL whose host resolves to a private, loopback or link-local address, or to a cloud metadata service, is refused. Hosts listed here are let through anyway — for your own internal systems."
      />
      <ReadOnlyNotice allowed={canChange} />
      <Card className="max-w-2xl">
        <CardHeader title="Allowed hosts" />
        <CardBody>
          <ReadOnlyUnless allowed={canChange}>
            <OutboundHostsForm action={saveOutboundHostsAction} allowedHosts={allowedHosts} />
          </ReadOnlyUnless>
        </CardBody>
      </Card>
    </>
  );
}
