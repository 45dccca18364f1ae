import type { Metadata } from "next";
import Link from "next/link";
import { readText, type SearchParams } from "@/components/admin/search-params";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Time } from "@/components/ui/time";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listEmailTemplates } from "@/lib/email/list-email-templates";
import { type EmailStats, percentOf } from "@/lib/email/stats/email-stats";
import { loadTemplateEmailStats } from "@/lib/email/stats/load-email-stats";
import { DAY_MS, now } from "@/lib/clock";

export const metadata: Metadata = { title: "Email templates" };

export default async function EmailTemplatesPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const staff = await requireStaffPage("/admin/email-templates", "automation.read");
  const canChange = can(staff.role, "automation.write");
  const params = await searchParams;
  const saved = readText(params, "saved");
  const deleted = readText(params, "deleted");
  const db = await getDb();
  const [templates, stats] = await Promise.all([
    listEmailTemplates(db),
    loadTemplateEmailStats(db, { since: new Date(now().getTime() - 30 * DAY_MS) }),
  ]);
  return (
    <>
      <PageHeader
        title="Email templates"
        description="Subject, HTML and text with variables such as {{user.name}}. Functions send them by code."
        actions={
          <>
            <LinkButton href="/admin/emails" variant="secondary">
              Mailbox
            </LinkButton>
            <LinkButton href="/admin/email-topics" variant="secondary">
              Topics
            </LinkButton>
            {canChange ? (
              <LinkButton href="/admin/email-templates/new" data-testid="new-email-template">
                New template
              </LinkButton>
            ) : null}
          </>
        }
      />
      {saved ? (
        <Notice tone="success" className="mb-4" data-testid="saved-notice">
          Template <span className="font-mono">{saved}</span> saved.
        </Notice>
      ) : null}
      {deleted ? (
        <Notice tone="success" className="mb-4" data-testid="deleted-notice">
          Template <span className="font-mono">{deleted}</span> deleted. Mail already sent keeps its
          copy.
        </Notice>
      ) : null}
      <Card>
        {templates.length === 0 ? (
          <EmptyState
            title="No email templates yet"
            description="Create one, preview it for a real user, and send yourself a test."
            action={
              canChange ? (
                <LinkButton href="/admin/email-templates/new">Create one</LinkButton>
              ) : null
            }
          />
        ) : (
          <Table data-testid="email-templates-table">
            <THead>
              <Tr>
                <Th>Name</Th>
                <Th>Code</Th>
                <Th>Topic</Th>
                <Th hideBelow="xl">Subject</Th>
                <Th hideBelow="lg">Updated</Th>
              </Tr>
            </THead>
            <TBody>
              {templates.map((template) => (
                <Tr key={template.id} data-testid={`email-template-${template.code}`}>
                  <Td>
                    <Link
                      href={`/admin/email-templates/${template.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {template.name}
                    </Link>
                    <RecentFigures code={template.code} stats={stats[template.code]} />
                  </Td>
                  <Td className="font-mono text-xs whitespace-nowrap">{template.code}</Td>
                  <Td data-testid={`email-template-topic-${template.code}`}>
                    <Badge tone={template.topicTransactional ? "gray" : "violet"}>
                      {template.topicName}
                    </Badge>
                  </Td>
                  <Td hideBelow="xl" className="max-w-xs truncate text-zinc-600">
                    {template.subject}
                  </Td>
                  <Td hideBelow="lg" className="whitespace-nowrap text-zinc-500">
                    <Time value={template.updatedAt} />
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

/** A template's last 30 days under its name: sent, skipped, and the open and click rates of the tracked ones. */
function RecentFigures({ code, stats }: { code: string; stats: EmailStats | undefined }) {
  if (!stats || stats.sent + stats.skipped + stats.failed === 0) return null;
  const opened = percentOf(stats.opened, stats.tracked);
  const clicked = percentOf(stats.clicked, stats.tracked);
  const parts = [
    `${stats.sent} sent`,
    stats.skipped > 0 ? `${stats.skipped} skipped` : null,
    opened !== null ? `${opened}\u00a0% opened` : null,
    clicked !== null ? `${clicked}\u00a0% clicked` : null,
  ].filter((part) => part !== null);
  return (
    <span
      className="mt-0.5 block min-w-48 text-xs whitespace-normal text-zinc-500 tabular-nums"
      title="Last 30 days"
      data-testid={`email-template-stats-${code}`}
    >
      {parts.join(" · ")} in 30 days
    </span>
  );
}
