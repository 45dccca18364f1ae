import type { Metadata } from "next";
import Link from "next/link";
import { readText, type SearchParams } from "@/components/admin/search-params";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listEmailTopics } from "@/lib/email/consent/list-email-topics";

export const metadata: Metadata = { title: "Email topics" };

export default async function EmailTopicsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const staff = await requireStaffPage("/admin/email-topics", "automation.read");
  const canChange = can(staff.role, "automation.write");
  const params = await searchParams;
  const saved = readText(params, "saved");
  const deleted = readText(params, "deleted");
  const topics = await listEmailTopics(await getDb());
  return (
    <>
      <PageHeader
        title="Email topics"
        description="What an email is about. Users leave marketing topics by an email's unsubscribe link or their preferences; account mail always arrives."
        actions={
          <>
            <LinkButton href="/admin/email-templates" variant="secondary">
              Templates
            </LinkButton>
            {canChange ? (
              <LinkButton href="/admin/email-topics/new" data-testid="new-email-topic">
                New topic
              </LinkButton>
            ) : null}
          </>
        }
      />
      {saved ? (
        <Notice tone="success" className="mb-4" data-testid="saved-notice">
          Topic <span className="font-mono">{saved}</span> saved.
        </Notice>
      ) : null}
      {deleted ? (
        <Notice tone="success" className="mb-4" data-testid="deleted-notice">
          Topic <span className="font-mono">{deleted}</span> deleted.
        </Notice>
      ) : null}
      <Card>
        <Table data-testid="email-topics-table">
          <THead>
            <Tr>
              <Th>Name</Th>
              <Th>Code</Th>
              <Th>Kind</Th>
              <Th>New users</Th>
              <Th className="text-right">Templates</Th>
            </Tr>
          </THead>
          <TBody>
            {topics.map((topic) => (
              <Tr key={topic.id} data-testid={`email-topic-${topic.code}`}>
                <Td>
                  <Link
                    href={`/admin/email-topics/${topic.id}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {topic.name}
                  </Link>
                  {topic.description ? (
                    <p className="max-w-md truncate text-xs text-zinc-500">{topic.description}</p>
                  ) : null}
                </Td>
                <Td className="font-mono text-xs">{topic.code}</Td>
                <Td>
                  {topic.transactional ? (
                    <Badge tone="gray">Transactional</Badge>
                  ) : (
                    <Badge tone="violet">Marketing</Badge>
                  )}
                </Td>
                <Td className="text-zinc-600">
                  {topic.transactional
                    ? "Always on"
                    : topic.subscribedByDefault
                      ? "Subscribed"
                      : "Opt-in"}
                </Td>
                <Td className="text-right tabular-nums">{topic.templateCount}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </Card>
    </>
  );
}
