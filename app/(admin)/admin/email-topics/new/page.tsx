import type { Metadata } from "next";
import Link from "next/link";
import { EmailTopicForm } from "@/components/admin/email-topic-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { saveEmailTopicAction } from "../actions";

export const metadata: Metadata = { title: "New email topic" };

export default async function NewEmailTopicPage() {
  await requireStaffPage("/admin/email-topics/new", "automation.write");
  return (
    <>
      <PageHeader
        title="New email topic"
        description="A marketing topic: its emails carry an unsubscribe link and go only to users who have not left it."
        back={
          <Link href="/admin/email-topics" className="text-zinc-500 hover:text-zinc-900">
            ← Email topics
          </Link>
        }
      />
      <EmailTopicForm action={saveEmailTopicAction} />
    </>
  );
}
