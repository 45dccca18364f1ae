"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { formDataOf } from "@/lib/forms/form-data-of";
import type { EmailPreview, PreviewUserOption } from "@/lib/email/email-preview-types";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/components/ui/use-form-action";
import { EmailHtmlFrame } from "./email-html-frame";

type DataAction<T> = (state: ActionState, formData: FormData) => Promise<ActionState<T>>;

/** Renders the current (unsaved) template for the chosen user, a moment after each edit. */
export function EmailPreviewPanel({
  template,
  previewAction,
  searchUsersAction,
  sendTestAction,
  templateId,
  users: initialUsers,
  defaultUserId,
}: {
  template: { subject: string; bodyHtml: string; bodyText: string };
  previewAction: DataAction<EmailPreview>;
  searchUsersAction: DataAction<PreviewUserOption[]>;
  sendTestAction?: FormAction;
  templateId?: number;
  users: PreviewUserOption[];
  defaultUserId: number;
}) {
  const [users, setUsers] = useState(initialUsers);
  const [userId, setUserId] = useState(defaultUserId);
  const [search, setSearch] = useState("");
  const [found, setFound] = useState<number | null>(null);
  const [preview, setPreview] = useState<ActionState<EmailPreview>>(null);
  const [view, setView] = useState<"html" | "text">("html");
  const sequence = useRef(0);
  const { subject, bodyHtml, bodyText } = template;

  useEffect(() => {
    // Only the latest request's answer is shown; earlier ones may arrive late.
    const request = ++sequence.current;
    const timer = setTimeout(async () => {
      const result = await previewAction(null, formDataOf({ subject, bodyHtml, bodyText, userId }));
      if (request === sequence.current) setPreview(result);
    }, 300);
    return () => clearTimeout(timer);
  }, [subject, bodyHtml, bodyText, userId, previewAction]);

  async function findUsers() {
    const result = await searchUsersAction(null, formDataOf({ search }));
    if (result?.ok && result.data) {
      setFound(result.data.length);
      if (result.data.length === 0) return;
      setUsers(result.data);
      if (result.data[0] && !result.data.some((user) => user.id === userId))
        setUserId(result.data[0].id);
    }
  }

  const rendered = preview?.ok ? preview.data : undefined;
  return (
    <Card className="self-start xl:sticky xl:top-20" data-testid="email-preview">
      <CardHeader
        title="Live preview"
        description="Rendered with the real renderer and this user's data."
      />
      <CardBody className="space-y-3">
        <div className="space-y-2">
          <div className="space-y-1">
            <label htmlFor="preview-user" className="block text-xs font-medium text-zinc-500">
              Preview for
            </label>
            <Select
              id="preview-user"
              value={userId}
              onChange={(event) => setUserId(Number(event.target.value))}
              data-testid="preview-user"
            >
              {users.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name ? `${user.name} <${user.email}>` : user.email}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex gap-2">
            <Input
              aria-label="Find a user by email or name"
              placeholder="Find another user by email or name"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Enter") {
                  event.preventDefault();
                  void findUsers();
                }
              }}
              data-testid="preview-user-search"
            />
            <Button
              variant="secondary"
              onClick={() => void findUsers()}
              data-testid="preview-user-find"
            >
              Find
            </Button>
          </div>
          {found === 0 ? (
            <p className="text-xs text-zinc-500" data-testid="preview-user-none">
              No user matches.
            </p>
          ) : null}
        </div>

        {preview && !preview.ok ? (
          <Notice tone="error" data-testid="preview-error">
            {preview.message}
          </Notice>
        ) : null}
        {rendered?.unknownVariables.length ? (
          <Notice tone="warning" title="Unknown variables" data-testid="preview-unknown-variables">
            {rendered.unknownVariables.map((name) => `{{${name}}}`).join(", ")} — not provided by
            Subflow; they render empty.
          </Notice>
        ) : null}
        {rendered?.missingVariables.length ? (
          <Notice tone="info" data-testid="preview-missing-variables">
            Empty for this user: {rendered.missingVariables.map((name) => `{{${name}}}`).join(", ")}
          </Notice>
        ) : null}

        {rendered ? (
          <div className="space-y-2">
            <dl className="grid grid-cols-[5rem_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-zinc-500">To</dt>
              <dd className="truncate text-zinc-800" data-testid="preview-to">
                {rendered.to}
              </dd>
              <dt className="text-zinc-500">Subject</dt>
              <dd className="font-medium text-zinc-900" data-testid="preview-subject">
                {rendered.subject || "—"}
              </dd>
            </dl>
            <div className="flex gap-1 text-xs" role="tablist">
              {(["html", "text"] as const).map((option) => (
                <button
                  key={option}
                  type="button"
                  role="tab"
                  aria-selected={view === option}
                  onClick={() => setView(option)}
                  className={`rounded px-2 py-1 font-medium ${view === option ? "bg-zinc-900 text-white" : "text-zinc-600 hover:bg-zinc-100"}`}
                  data-testid={`preview-tab-${option}`}
                >
                  {option === "html" ? "HTML" : "Text"}
                </button>
              ))}
            </div>
            {view === "html" ? (
              <EmailHtmlFrame html={rendered.html} title="Email preview" testId="preview-html" />
            ) : (
              <pre
                className="max-h-[28rem] overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 text-xs whitespace-pre-wrap"
                data-testid="preview-text"
              >
                {rendered.text}
              </pre>
            )}
          </div>
        ) : !preview ? (
          <p className="text-sm text-zinc-500">Rendering…</p>
        ) : null}

        {sendTestAction && templateId ? (
          <SendTestForm action={sendTestAction} templateId={templateId} userId={userId} />
        ) : null}
      </CardBody>
    </Card>
  );
}

function SendTestForm({
  action,
  templateId,
  userId,
}: {
  action: FormAction;
  templateId: number;
  userId: number;
}) {
  const [state, formAction] = useActionState(
    action as unknown as DataAction<{ emailId: number }>,
    null,
  );
  return (
    <form
      action={formAction}
      className="space-y-2 border-t border-zinc-100 pt-3"
      data-testid="send-test-form"
    >
      <input type="hidden" name="templateId" value={templateId} />
      <input type="hidden" name="userId" value={userId} />
      <div className="flex items-center justify-between gap-3">
        <p className="text-xs text-zinc-500">
          Sends the saved version of this template to the user above.
        </p>
        <SubmitButton variant="secondary" size="sm" pendingLabel="Sending…" data-testid="send-test">
          Send test to this user
        </SubmitButton>
      </div>
      <FormMessage state={state} />
      {state?.ok && state.data ? (
        <Link
          href={`/admin/emails/${state.data.emailId}`}
          className="text-sm font-medium text-brand-700 hover:underline"
          data-testid="send-test-link"
        >
          Open it in the mailbox →
        </Link>
      ) : null}
    </form>
  );
}
