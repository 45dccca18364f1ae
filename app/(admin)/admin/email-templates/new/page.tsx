import type { Metadata } from "next";
import Link from "next/link";
import { EmailTemplateEditor } from "@/components/email/email-template-editor";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listEmailTopics } from "@/lib/email/consent/list-email-topics";
import {
  previewEmailTemplateAction,
  saveEmailTemplateAction,
  searchPreviewUsersAction,
} from "../actions";
import { previewUserOptions } from "../preview-users";

export const metadata: Metadata = { title: "New email template" };

const STARTER = {
  code: "",
  name: "",
  subject: "Hello {{user.name}}",
  bodyHtml:
    '<p>Hello {{user.name}},</p>\n\n<p>…</p>\n\n<p>— {{app.name}}<br><a href="{{app.url}}">{{app.url}}</a></p>',
  bodyText: "Hello {{user.name}},\n\n…\n\n— {{app.name}}\n{{app.url}}",
};

export default async function NewEmailTemplatePage() {
  const staff = await requireStaffPage("/admin/email-templates/new", "automation.write");
  const db = await getDb();
  const [users, topics] = await Promise.all([
    previewUserOptions(db, staff.id),
    listEmailTopics(db),
  ]);
  // A new template is marketing unless the admin picks the account topic.
  const firstMarketing = topics.find((topic) => !topic.transactional) ?? topics[0];
  return (
    <>
      <PageHeader
        title="New email template"
        back={
          <Link href="/admin/email-templates" className="text-zinc-500 hover:text-zinc-900">
            ← Email templates
          </Link>
        }
      />
      <EmailTemplateEditor
        saveAction={saveEmailTemplateAction}
        previewAction={previewEmailTemplateAction}
        searchUsersAction={searchPreviewUsersAction}
        initial={{ ...STARTER, topic: firstMarketing?.code }}
        topics={topics}
        users={users}
        defaultUserId={staff.id}
      />
    </>
  );
}
