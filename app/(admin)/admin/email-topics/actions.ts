"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { codeTakenState } from "@/lib/actions/action-state";
import { defineAction } from "@/lib/actions/define-action";
import { deleteEmailTopic } from "@/lib/email/consent/delete-email-topic";
import { saveEmailTopic } from "@/lib/email/consent/save-email-topic";
import { emailTopicCodeSchema } from "@/lib/email/consent/topic-schemas";
import { checkboxField, idField, integerField, optionalText } from "@/lib/forms/form-fields";

const topicFormSchema = z.object({
  id: z.preprocess((value) => (value === "" ? undefined : value), idField.optional()),
  code: emailTopicCodeSchema,
  name: z.string().trim().min(1, { message: "Give the topic a name." }).max(200),
  description: optionalText(1000),
  subscribedByDefault: checkboxField,
  sorting: integerField().optional(),
});

export const saveEmailTopicAction = defineAction(
  {
    permission: "automation.write",
    name: "email-topics.save",
    schema: topicFormSchema,
    revalidate: ["/admin/email-topics", "/admin/email-templates"],
  },
  async ({ id, ...input }, { db }) => {
    try {
      await saveEmailTopic(db, { id, input: { ...input, description: input.description ?? "" } });
    } catch (error) {
      const taken = codeTakenState(error, "email_topic_exists");
      if (taken) return taken;
      throw error;
    }
    redirect(`/admin/email-topics?saved=${encodeURIComponent(input.code)}`);
  },
);

export const deleteEmailTopicAction = defineAction(
  {
    permission: "automation.write",
    name: "email-topics.delete",
    schema: z.object({ id: idField }),
    revalidate: ["/admin/email-topics"],
  },
  async ({ id }, { db }) => {
    const deleted = await deleteEmailTopic(db, id);
    redirect(`/admin/email-topics?deleted=${encodeURIComponent(deleted.code)}`);
  },
);
