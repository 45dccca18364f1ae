"use client";

import { useState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import type { EmailPreview, PreviewUserOption } from "@/lib/email/email-preview-types";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Input, Select, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { ReadOnlyUnless } from "@/components/admin/read-only-unless";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { EmailPreviewPanel } from "./email-preview-panel";
import { VariableReference } from "./variable-reference";

export interface EmailTemplateValues {
  id?: number;
  code: string;
  name: string;
  subject: string;
  bodyHtml: string;
  bodyText: string;
  /** The topic's code. */
  topic?: string;
  /** null: the topic's default (on for marketing topics). */
  trackEngagement?: boolean | null;
}

export interface EmailTopicOption {
  code: string;
  name: string;
  transactional: boolean;
}

const TRACKING_VALUE = { default: "", on: "on", off: "off" } as const;

type DataAction<T> = (state: ActionState, formData: FormData) => Promise<ActionState<T>>;

/** Template form (code, name, subject, HTML and text) beside a live preview rendered on the server for a chosen user. */
export function EmailTemplateEditor({
  saveAction,
  previewAction,
  searchUsersAction,
  sendTestAction,
  initial,
  topics,
  users,
  defaultUserId,
  readOnly = false,
}: {
  saveAction: FormAction;
  previewAction: DataAction<EmailPreview>;
  searchUsersAction: DataAction<PreviewUserOption[]>;
  /** Only for a saved template: sends its saved version. */
  sendTestAction?: FormAction;
  initial?: EmailTemplateValues;
  topics: EmailTopicOption[];
  users: PreviewUserOption[];
  defaultUserId: number;
  /** For a role that may not change templates: the form is disabled; the preview still works. */
  readOnly?: boolean;
}) {
  const { state, pending, formProps } = useFormAction(saveAction, { resetOnSuccess: false });
  const error = (name: string) => fieldError(state, name);
  const [subject, setSubject] = useState(initial?.subject ?? "");
  const [bodyHtml, setBodyHtml] = useState(initial?.bodyHtml ?? "");
  const [bodyText, setBodyText] = useState(initial?.bodyText ?? "");
  const [topic, setTopic] = useState(initial?.topic ?? topics[0]?.code ?? "");
  const marketing = topics.find((option) => option.code === topic)?.transactional === false;

  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <ReadOnlyUnless allowed={!readOnly}>
        <form {...formProps} className="space-y-4" data-testid="email-template-form">
          {initial?.id ? <input type="hidden" name="id" value={initial.id} /> : null}
          {state && !state.ok && state.error === "validation_error" ? null : (
            <FormMessage state={state} />
          )}
          <div className="grid grid-cols-2 gap-4">
            <FormField label="Name" htmlFor="et-name" error={error("name")}>
              <Input
                id="et-name"
                name="name"
                defaultValue={initial?.name}
                invalid={!!error("name")}
                data-testid="et-name"
              />
            </FormField>
            <FormField
              label="Code"
              htmlFor="et-code"
              hint="Lowercase letters, digits, - and _. Functions send by code."
              error={error("code")}
            >
              <Input
                id="et-code"
                name="code"
                defaultValue={initial?.code}
                invalid={!!error("code")}
                className="font-mono"
                data-testid="et-code"
              />
            </FormField>
          </div>
          <div className="grid grid-cols-2 gap-4">
            <FormField
              label="Topic"
              htmlFor="et-topic"
              hint={
                marketing
                  ? "Marketing: sent only to users who have not left it, with an unsubscribe link."
                  : "Transactional: always sent, no unsubscribe link."
              }
              error={error("topic")}
            >
              <Select
                id="et-topic"
                name="topic"
                value={topic}
                onChange={(event) => setTopic(event.target.value)}
                data-testid="et-topic"
              >
                {topics.map((option) => (
                  <option key={option.code} value={option.code}>
                    {option.name}
                    {option.transactional ? " (transactional)" : ""}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField
              label="Engagement tracking"
              htmlFor="et-tracking"
              hint="Open pixel and tracked links."
              error={error("trackEngagement")}
            >
              <Select
                id="et-tracking"
                name="trackEngagement"
                defaultValue={
                  initial?.trackEngagement === true
                    ? TRACKING_VALUE.on
                    : initial?.trackEngagement === false
                      ? TRACKING_VALUE.off
                      : TRACKING_VALUE.default
                }
                data-testid="et-tracking"
              >
                <option value={TRACKING_VALUE.default}>
                  Topic default ({marketing ? "on" : "off"})
                </option>
                <option value={TRACKING_VALUE.on}>On</option>
                <option value={TRACKING_VALUE.off}>Off</option>
              </Select>
            </FormField>
          </div>
          <FormField label="Subject" htmlFor="et-subject" error={error("subject")}>
            <Input
              id="et-subject"
              name="subject"
              value={subject}
              onChange={(event) => setSubject(event.target.value)}
              invalid={!!error("subject")}
              data-testid="et-subject"
            />
          </FormField>
          <FormField label="HTML body" htmlFor="et-html" error={error("bodyHtml")}>
            <Textarea
              id="et-html"
              name="bodyHtml"
              rows={12}
              value={bodyHtml}
              onChange={(event) => setBodyHtml(event.target.value)}
              invalid={!!error("bodyHtml")}
              className="font-mono text-xs"
              spellCheck={false}
              data-testid="et-html"
            />
          </FormField>
          <FormField
            label="Text body"
            htmlFor="et-text"
            hint="The plain-text part, for clients that do not show HTML."
            error={error("bodyText")}
          >
            <Textarea
              id="et-text"
              name="bodyText"
              rows={7}
              value={bodyText}
              onChange={(event) => setBodyText(event.target.value)}
              invalid={!!error("bodyText")}
              className="font-mono text-xs"
              spellCheck={false}
              data-testid="et-text"
            />
          </FormField>
          <VariableReference />
          {state && !state.ok && state.error === "validation_error" ? (
            <p className="text-sm text-red-600" role="alert">
              Check the highlighted fields.
            </p>
          ) : null}
          <div className="flex justify-end gap-2 border-t border-zinc-100 pt-4">
            <SubmitButton pending={pending} pendingLabel="Saving…" data-testid="et-submit">
              {initial?.id ? "Save changes" : "Create template"}
            </SubmitButton>
          </div>
        </form>
      </ReadOnlyUnless>
      <EmailPreviewPanel
        template={{ subject, bodyHtml, bodyText }}
        previewAction={previewAction}
        searchUsersAction={searchUsersAction}
        sendTestAction={sendTestAction}
        templateId={initial?.id}
        users={users}
        defaultUserId={defaultUserId}
      />
    </div>
  );
}
