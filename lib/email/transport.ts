import "server-only";
import nodemailer, { type Transporter } from "nodemailer";

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Sent as X-Subflow-Email-Id so a delivered message can be traced back to its log row. */
  logId?: number;
  /** The Message-ID (without angle brackets); omitted: nodemailer makes one. */
  messageId?: string;
  /** More headers (List-Unsubscribe). */
  headers?: Record<string, string>;
}

export interface DeliveryResult {
  messageId: string;
}

export interface EmailTransport {
  /** Stored in email_log.transport: "smtp" or "mailbox". */
  name: string;
  send(email: OutgoingEmail): Promise<DeliveryResult>;
}

export const DEFAULT_EMAIL_FROM = "Subflow <no-reply@subflow.test>";

export function emailFrom(): string {
  return process.env.EMAIL_FROM || DEFAULT_EMAIL_FROM;
}

function fromTransporter(name: string, transporter: Transporter): EmailTransport {
  return {
    name,
    async send(email) {
      const info = await transporter.sendMail({
        from: emailFrom(),
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        messageId: email.messageId ? `<${email.messageId}>` : undefined,
        headers: {
          ...email.headers,
          ...(email.logId !== undefined ? { "X-Subflow-Email-Id": String(email.logId) } : {}),
        },
      });
      return { messageId: String(info.messageId) };
    },
  };
}

// Composes the full MIME message (so a broken message fails here too) and hands it to no one.
const mailboxTransport = fromTransporter(
  "mailbox",
  nodemailer.createTransport({ streamTransport: true, buffer: true }),
);

const smtpTransports = new Map<string, EmailTransport>();

/**
 * The transport for this call, chosen from the environment each time (tests switch SMTP_URL): SMTP when SMTP_URL is
 * set; otherwise the built-in mailbox, which composes the real MIME message and delivers it nowhere — the rendered
 * message stays in email_log and the admin mailbox (/admin/emails) shows it.
 */
export function currentEmailTransport(): EmailTransport {
  const url = process.env.SMTP_URL?.trim();
  if (!url) return mailboxTransport;
  let transport = smtpTransports.get(url);
  if (!transport) {
    transport = fromTransporter(
      "smtp",
      nodemailer.createTransport({
        url,
        // Fail a step in seconds rather than minutes, so the retry schedule stays meaningful.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      }),
    );
    smtpTransports.set(url, transport);
  }
  return transport;
}
