import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { EmailTopicForm } from "@/components/admin/email-topic-form";
import { ReadOnlyNotice, ReadOnlyUnless } from "@/components/admin/read-only-unless";
import { ActionButton } from "@/components/ui/action-button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getEmailTopic } from "@/lib/email/consent/list-email-topics";
import { isAppError } from "@/lib/errors";
import { deleteEmailTopicAction, saveEmailTopicAction } from "../actions";

export const metadata: Metadata = { title: "Edit email topic" };

export default async function EditEmailTopicPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await requireStaffPage(`/admin/email-topics/${id}`, "automation.read");
  const canChange = can(staff.role, "automation.write");
  const topicId = z.coerce.number().int().positive().max(2_147_483_647).safeParse(id);
  if (!topicId.success) notFound();
  const topic = await getEmailTopic(await getDb(), topicId.data).catch((error: unknown) => {
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  });
  const deletable = !topic.transactional && topic.templateCount === 0;
  return (
    <>
      <PageHeader
        title={topic.name}
        description={
          <span>
            <span className="font-mono">{topic.code}</span> ·{" "}
            {topic.transactional ? "transactional (built-in)" : "marketing"} · {topic.templateCount}{" "}
            template{topic.templateCount === 1 ? "" : "s"}
          </span>
        }
        back={
          <Link href="/admin/email-topics" className="text-zinc-500 hover:text-zinc-900">
            ← Email topics
          </Link>
        }
        actions={
          canChange && !topic.transactional ? (
            deletable ? (
              <ActionButton
                action={deleteEmailTopicAction}
                fields={{ id: topic.id }}
                label="Delete topic"
                pendingLabel="Deleting…"
                confirm={`Delete the topic "${topic.code}"? Users' choices about it are deleted too.`}
                variant="danger"
                testId="delete-email-topic"
              />
            ) : (
              <span className="text-sm text-zinc-500" data-testid="topic-in-use">
                Used by templates: move them to another topic to delete it.
              </span>
            )
          ) : null
        }
      />
      <ReadOnlyNotice allowed={canChange} />
      <ReadOnlyUnless allowed={canChange}>
        <EmailTopicForm
          key={topic.updatedAt.toISOString()}
          action={saveEmailTopicAction}
          initial={{
            id: topic.id,
            code: topic.code,
            name: topic.name,
            description: topic.description,
            subscribedByDefault: topic.subscribedByDefault,
            sorting: topic.sorting,
            transactional: topic.transactional,
          }}
        />
      </ReadOnlyUnless>
    </>
  );
}
