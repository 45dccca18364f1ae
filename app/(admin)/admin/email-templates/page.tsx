import type { Metadata } from "next";
import Link from "next/link";
import { readText, type SearchParams } from "@/components/admin/search-params";
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
  const templates = await listEmailTemplates(await getDb());
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
                <Th>Subject</Th>
                <Th>Updated</Th>
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
                  </Td>
                  <Td className="font-mono text-xs">{template.code}</Td>
                  <Td className="max-w-md truncate text-zinc-600">{template.subject}</Td>
                  <Td className="whitespace-nowrap text-zinc-500">
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
