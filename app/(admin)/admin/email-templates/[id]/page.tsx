import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { EmailTemplateEditor } from "@/components/email/email-template-editor";
import { ActionButton } from "@/components/ui/action-button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { ReadOnlyNotice } from "@/components/admin/read-only-unless";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listEmailTopics } from "@/lib/email/consent/list-email-topics";
import { findEmailTemplate } from "@/lib/email/find-email-template";
import { loadOneTemplateEmailStats } from "@/lib/email/stats/load-email-stats";
import { TemplateEmailStats } from "@/components/email/template-email-stats";
import { DAY_MS, now } from "@/lib/clock";
import {
  deleteEmailTemplateAction,
  previewEmailTemplateAction,
  saveEmailTemplateAction,
  searchPreviewUsersAction,
  sendTestEmailAction,
} from "../actions";
import { previewUserOptions } from "../preview-users";

export const metadata: Metadata = { title: "Edit email template" };

export default async function EditEmailTemplatePage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const staff = await requireStaffPage(`/admin/email-templates/${id}`, "automation.read");
  const canChange = can(staff.role, "automation.write");
  const templateId = z.coerce.number().int().positive().safeParse(id);
  if (!templateId.success) notFound();
  const db = await getDb();
  const [template, users, topics] = await Promise.all([
    findEmailTemplate(db, templateId.data),
    previewUserOptions(db, staff.id),
    listEmailTopics(db),
  ]);
  if (!template) notFound();
  const [recentStats, totalStats] = await Promise.all([
    loadOneTemplateEmailStats(db, {
      code: template.code,
      since: new Date(now().getTime() - 30 * DAY_MS),
    }),
    loadOneTemplateEmailStats(db, { code: template.code }),
  ]);
  return (
    <>
      <PageHeader
        title={template.name}
        description={<span className="font-mono">{template.code}</span>}
        back={
          <Link href="/admin/email-templates" className="text-zinc-500 hover:text-zinc-900">
            ← Email templates
          </Link>
        }
        actions={
          canChange ? (
            <ActionButton
              action={deleteEmailTemplateAction}
              fields={{ id: template.id }}
              label="Delete template"
              pendingLabel="Deleting…"
              confirm={`Delete the template "${template.code}"? Functions that send it will fail until it exists again.`}
              variant="danger"
              testId="delete-email-template"
            />
          ) : null
        }
      />
      <ReadOnlyNotice allowed={canChange} />
      <TemplateEmailStats recent={recentStats} total={totalStats} />
      <EmailTemplateEditor
        key={template.updatedAt.toISOString()}
        saveAction={saveEmailTemplateAction}
        previewAction={previewEmailTemplateAction}
        searchUsersAction={searchPreviewUsersAction}
        sendTestAction={canChange ? sendTestEmailAction : undefined}
        readOnly={!canChange}
        initial={{
          id: template.id,
          code: template.code,
          name: template.name,
          subject: template.subject,
          bodyHtml: template.bodyHtml,
          bodyText: template.bodyText,
          topic: topics.find((topic) => topic.id === template.topicId)?.code,
          trackEngagement: template.trackEngagement,
        }}
        topics={topics}
        users={users}
        defaultUserId={staff.id}
      />
    </>
  );
}
