import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar, FilterField } from "@/components/admin/filter-bar";
import {
  hrefWith,
  PAGE_SIZE,
  readEnum,
  readPage,
  readText,
  type SearchParams,
} from "@/components/admin/search-params";
import { EmailStatusBadge } from "@/components/email/email-status-badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Time } from "@/components/ui/time";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Folded, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { emailStatus } from "@/lib/db/schema";
import { listEmailLog } from "@/lib/email/list-email-log";

export const metadata: Metadata = { title: "Mailbox" };

export default async function EmailsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireStaffPage("/admin/emails", "automation.read");
  const params = await searchParams;
  const page = readPage(params);
  const status = readEnum(params, "status", emailStatus.enumValues);
  const q = readText(params, "q");
  const { rows, total } = await listEmailLog(await getDb(), {
    status,
    search: q,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const filtered = Boolean(status || q);
  const smtp = Boolean(process.env.SMTP_URL?.trim());

  return (
    <>
      <PageHeader
        title="Mailbox"
        description={
          smtp
            ? "Every email Subflow has sent, as rendered. Delivery goes through the SMTP server in SMTP_URL."
            : "Every email Subflow has sent, as rendered. SMTP_URL is not set, so messages stay here and leave nothing."
        }
      />
      <Card>
        <FilterBar clearHref="/admin/emails" active={filtered}>
          <FilterField label="Status" htmlFor="status">
            <Select
              id="status"
              name="status"
              defaultValue={status ?? ""}
              className="w-36"
              data-testid="filter-status"
            >
              <option value="">Any status</option>
              {emailStatus.enumValues.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </Select>
          </FilterField>
          <FilterField label="Search" htmlFor="q">
            <Input
              id="q"
              name="q"
              defaultValue={q ?? ""}
              placeholder="Recipient, subject or template"
              className="w-64"
              data-testid="filter-q"
            />
          </FilterField>
        </FilterBar>
        {rows.length === 0 ? (
          <EmptyState
            title={filtered ? "No emails match" : "No emails yet"}
            description={
              filtered
                ? undefined
                : "Send a test from an email template, or let a function send one."
            }
          />
        ) : (
          <Table data-testid="emails-table">
            <THead>
              <Tr>
                <Th>Status</Th>
                <Th>To</Th>
                <Th>Subject</Th>
                <Th hideBelow="xl">Template</Th>
                <Th>Time</Th>
              </Tr>
            </THead>
            <TBody>
              {rows.map((row) => (
                <Tr key={row.id} data-testid={`email-row-${row.id}`}>
                  <Td>
                    <EmailStatusBadge status={row.status} />
                    {row.attempts > 1 ? (
                      <span className="ml-1.5 text-xs text-zinc-500">{row.attempts} attempts</span>
                    ) : null}
                  </Td>
                  <Td className="max-w-56 break-all">{row.toAddress}</Td>
                  <Td className="max-w-md">
                    <Link
                      href={`/admin/emails/${row.id}`}
                      className="line-clamp-2 font-medium text-brand-700 hover:underline"
                      data-testid="email-link"
                    >
                      {row.subject || "(no subject)"}
                    </Link>
                    {row.status === "failed" && row.error ? (
                      <p className="line-clamp-2 text-xs text-red-600">{row.error}</p>
                    ) : null}
                    {row.templateCode ? (
                      <Folded below="xl" className="font-mono">
                        {row.templateCode}
                      </Folded>
                    ) : null}
                  </Td>
                  <Td className="font-mono text-xs" hideBelow="xl">
                    {row.templateCode ?? <span className="text-zinc-400">—</span>}
                  </Td>
                  <Td className="whitespace-nowrap text-zinc-500">
                    <Time value={row.sentAt ?? row.createdAt} />
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        <Pagination
          page={page}
          pageSize={PAGE_SIZE}
          total={total}
          hrefFor={(n) => hrefWith("/admin/emails", { status, q, page: n })}
        />
      </Card>
    </>
  );
}
