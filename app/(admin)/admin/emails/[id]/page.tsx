import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { z } from "zod";
import { EmailHtmlFrame } from "@/components/email/email-html-frame";
import { EmailStatusBadge } from "@/components/email/email-status-badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { findEmailLogEntry } from "@/lib/email/list-email-log";
import { mayReadEmailBody } from "@/lib/email/secret-bearing-emails";
import { emailFrom } from "@/lib/email/transport";

export const metadata: Metadata = { title: "Email" };

function Header({
  name,
  children,
  testId,
}: {
  name: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <>
      <dt className="text-zinc-500">{name}</dt>
      <dd className="min-w-0 break-words text-zinc-800" data-testid={testId}>
        {children}
      </dd>
    </>
  );
}

export default async function EmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await requireStaffPage(`/admin/emails/${id}`, "automation.read");
  const emailId = z.coerce.number().int().positive().safeParse(id);
  if (!emailId.success) notFound();
  const email = await findEmailLogEntry(await getDb(), emailId.data);
  if (!email) notFound();
  const bodyShown = mayReadEmailBody(staff.role, email.templateCode);
  return (
    <>
      <PageHeader
        title={email.subject || "(no subject)"}
        description={<EmailStatusBadge status={email.status} />}
        back={
          <Link href="/admin/emails" className="text-zinc-500 hover:text-zinc-900">
            ← Mailbox
          </Link>
        }
      />
      {email.status === "failed" && email.error ? (
        <Notice
          tone="error"
          title={`Not delivered after ${email.attempts} attempt${email.attempts === 1 ? "" : "s"}`}
          className="mb-4"
          data-testid="email-error"
        >
          {email.error}
        </Notice>
      ) : null}
      <Card className="mb-6">
        <CardHeader title="Headers" />
        <CardBody>
          <dl
            className="grid grid-cols-[9rem_1fr] gap-x-4 gap-y-1.5 text-sm"
            data-testid="email-headers"
          >
            <Header name="From">
              {emailFrom()} <span className="text-xs text-zinc-400">(the configured sender)</span>
            </Header>
            <Header name="To" testId="email-to">
              {email.toAddress}
              {email.userId ? (
                <Link
                  href={`/admin/users/${email.userId}`}
                  className="ml-2 text-xs text-brand-700 hover:underline"
                >
                  user #{email.userId}
                </Link>
              ) : null}
            </Header>
            <Header name="Subject" testId="email-subject">
              {email.subject}
            </Header>
            <Header name="Date">
              <Time value={email.sentAt} />
            </Header>
            <Header name="Message-ID">
              <span className="font-mono text-xs">{email.providerMessageId ?? "—"}</span>
            </Header>
            <Header name="Transport">{email.transport ?? "—"}</Header>
            <Header name="Template">
              {email.templateCode ? (
                <span className="font-mono text-xs">{email.templateCode}</span>
              ) : (
                "—"
              )}
            </Header>
            <Header name="Idempotency key">
              <span className="font-mono text-xs">{email.idempotencyKey}</span>
            </Header>
            <Header name="Queued">
              <Time value={email.createdAt} />
            </Header>
            <Header name="Attempts">{email.attempts}</Header>
          </dl>
        </CardBody>
      </Card>
      {bodyShown ? (
        <EmailBody html={email.bodyHtml} text={email.bodyText} />
      ) : (
        // Not rendered at all, not merely hidden: the page's HTML must not carry the secret.
        <Notice tone="info" title="The body is withheld" data-testid="email-body-withheld">
          This email carries a link or code that acts for its recipient (a password reset, an email
          change confirmation, a family code). Only staff who manage staff can read it.
        </Notice>
      )}
    </>
  );
}

function EmailBody({ html, text }: { html: string; text: string }) {
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <Card>
        <CardHeader
          title="HTML part"
          description="Shown in a sandbox: scripts and forms do not run."
        />
        <CardBody>
          <EmailHtmlFrame
            html={html}
            title="Email HTML"
            testId="email-html"
            className="h-[36rem] w-full rounded-md border border-zinc-200 bg-white"
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Text part" />
        <CardBody>
          <pre
            className="max-h-[36rem] overflow-auto text-xs whitespace-pre-wrap text-zinc-800"
            data-testid="email-text"
          >
            {text}
          </pre>
        </CardBody>
      </Card>
    </div>
  );
}
