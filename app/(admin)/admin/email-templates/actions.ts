"use server";

import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { z } from "zod";
import { codeTakenState } from "@/lib/actions/action-state";
import { defineAction } from "@/lib/actions/define-action";
import { appBaseUrl, buildEmailContext } from "@/lib/email/build-email-context";
import { deleteEmailTemplate } from "@/lib/email/delete-email-template";
import type { EmailPreview, PreviewUserOption } from "@/lib/email/email-preview-types";
import { emailTemplateInputSchema } from "@/lib/email/schemas";
import { findEmailTemplate } from "@/lib/email/find-email-template";
import { renderEmailTemplate } from "@/lib/email/render-template";
import { saveEmailTemplate } from "@/lib/email/save-email-template";
import { EmailDeliveryError } from "@/lib/email/send-email";
import { sendTemplateEmail } from "@/lib/email/send-template-email";
import { findUnknownVariables } from "@/lib/email/template-variables";
import { notFound } from "@/lib/errors";
import { idField } from "@/lib/forms/form-fields";
import { forbidden } from "@/lib/auth/forbidden";
import { mayEditTemplate } from "@/lib/email/secret-bearing-emails";
import { listUsers } from "@/lib/users/list-users";

const optionalId = z.preprocess((value) => (value === "" ? undefined : value), idField.optional());

/** The editor's tracking select: "" the topic's default, "on", "off". */
const trackEngagementField = z.preprocess(
  (value) => (value === "on" ? true : value === "off" ? false : value === "" ? null : value),
  z.boolean().nullable().optional(),
);

export const saveEmailTemplateAction = defineAction(
  {
    permission: "automation.write",
    name: "email-templates.save",
    schema: emailTemplateInputSchema.extend({
      id: optionalId,
      trackEngagement: trackEngagementField,
    }),
    revalidate: ["/admin/email-templates"],
  },
  async ({ id, ...input }, { db, user: staff }) => {
    const existing = id === undefined ? null : await findEmailTemplate(db, id);
    for (const code of [input.code, existing?.code])
      if (code !== undefined && !mayEditTemplate(staff.role, code))
        throw forbidden(staff.role, "staff.manage");
    try {
      await saveEmailTemplate(db, { ...input, id });
    } catch (error) {
      const taken = codeTakenState(error, "email_template_exists");
      if (taken) return taken;
      throw error;
    }
    redirect(`/admin/email-templates?saved=${encodeURIComponent(input.code)}`);
  },
);

export const deleteEmailTemplateAction = defineAction(
  {
    permission: "automation.write",
    name: "email-templates.delete",
    schema: z.object({ id: idField }),
    revalidate: ["/admin/email-templates"],
  },
  async ({ id }, { db, user: staff }) => {
    const existing = await findEmailTemplate(db, id);
    if (existing && !mayEditTemplate(staff.role, existing.code))
      throw forbidden(staff.role, "staff.manage");
    const deleted = await deleteEmailTemplate(db, id);
    redirect(`/admin/email-templates?deleted=${encodeURIComponent(deleted.code)}`);
  },
);

const previewSchema = z.object({
  subject: z.string().max(1000),
  bodyHtml: z.string().max(200_000),
  bodyText: z.string().max(100_000),
  userId: idField,
});

/** Render unsaved template text for a chosen user with the same renderer and context sending uses. */
export const previewEmailTemplateAction = defineAction(
  { permission: "automation.read", name: "email-templates.preview", schema: previewSchema },
  async ({ userId, ...template }, { db }): Promise<EmailPreview> => {
    // Links that show where they lead and open nothing (a preview must not unsubscribe anyone).
    const context = await buildEmailContext(db, userId, {
      unsubscribe_url: `${appBaseUrl()}/email/unsubscribe/preview`,
      preferences_url: `${appBaseUrl()}/email/preferences/preview`,
    });
    const rendered = renderEmailTemplate(template, context);
    const unknownVariables = findUnknownVariables([
      template.subject,
      template.bodyHtml,
      template.bodyText,
    ]);
    return {
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      to: (context.user as { email: string }).email,
      unknownVariables,
      missingVariables: rendered.missingVariables.filter(
        (name) => !unknownVariables.includes(name),
      ),
    };
  },
);

export const searchPreviewUsersAction = defineAction(
  {
    permission: "customers.read",
    name: "email-templates.search-preview-users",
    schema: z.object({ search: z.string().trim().max(200).optional() }),
  },
  async ({ search }, { db }): Promise<PreviewUserOption[]> => {
    const { rows } = await listUsers(db, { search, limit: 20, offset: 0 });
    return rows.map(({ id, email, name }) => ({ id, email, name }));
  },
);

/** Send the saved template to a user now, under a fresh key (each click is a new test email). */
export const sendTestEmailAction = defineAction(
  {
    permission: "automation.write",
    name: "email-templates.send-test",
    schema: z.object({ templateId: idField, userId: idField }),
    revalidate: ["/admin/emails"],
  },
  async ({ templateId, userId }, { db }) => {
    const template = await findEmailTemplate(db, templateId);
    if (!template) throw notFound("email_template_not_found", "No such email template.");
    try {
      const { entry } = await sendTemplateEmail(db, {
        templateCode: template.code,
        userId,
        idempotencyKey: `test:${template.code}:${userId}:${randomUUID()}`,
      });
      return { ok: true, message: `Sent to ${entry.toAddress}.`, data: { emailId: entry.id } };
    } catch (error) {
      if (error instanceof EmailDeliveryError) {
        return {
          ok: false,
          error: "email_not_delivered",
          message: `${error.message} It is in the mailbox as failed.`,
        };
      }
      throw error;
    }
  },
);
