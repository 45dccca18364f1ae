import { execFileSync } from "node:child_process";
import { sign } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as sesRoute } from "@/app/api/webhooks/ses/route";
import { emailEvents, emailLog, emailSuppressions, emailTopics } from "@/lib/db/schema";
import { snsStringToSign, type SnsMessage } from "@/lib/email/events/ses/sns-message";
import { sendEmail } from "@/lib/email/send-email";
import type { EmailTransport } from "@/lib/email/transport";
import { openTestDatabase } from "../../support/test-database";

/*
 * The SES endpoint against SNS messages signed here: an RSA key and a self-signed certificate made with openssl, the
 * certificate served by a local server standing in for sns.<region>.amazonaws.com (SES_SNS_EXTRA_HOSTS trusts it).
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
let newsTopicId: number;
let directory: string;
let privateKey: string;
let otherKey: string;
let server: Server;
let base: string;
const hits: string[] = [];
const TOPIC = "arn:aws:sns:eu-west-1:123456789012:ses-events";

beforeAll(async () => {
  database = await openTestDatabase();
  const [news] = await db().select().from(emailTopics).where(eq(emailTopics.code, "news"));
  newsTopicId = news!.id;
  directory = mkdtempSync(path.join(tmpdir(), "sns-"));
  const make = (name: string) => {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=sns.amazonaws.com",
        "-keyout",
        path.join(directory, `${name}.key`),
        "-out",
        path.join(directory, `${name}.pem`),
      ],
      { stdio: "ignore" },
    );
    return readFileSync(path.join(directory, `${name}.key`), "utf8");
  };
  privateKey = make("signing");
  otherKey = make("other");
  const certificate = readFileSync(path.join(directory, "signing.pem"));
  server = createServer((request, response) => {
    hits.push(request.url ?? "");
    if (request.url === "/SimpleNotificationService-test.pem") response.end(certificate);
    else if (request.url?.startsWith("/confirm?")) response.end("<ConfirmSubscriptionResponse/>");
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  process.env.SES_SNS_EXTRA_HOSTS = `127.0.0.1:${port}`;
});
afterEach(() => {
  delete process.env.SES_SNS_TOPIC_ARNS;
});
afterAll(async () => {
  delete process.env.SES_SNS_EXTRA_HOSTS;
  await new Promise((resolve) => server.close(resolve));
  rmSync(directory, { recursive: true, force: true });
  await database.close();
});

let sequence = 0;
async function sendMarketing(to: string) {
  const { entry } = await sendEmail(
    db(),
    {
      idempotencyKey: `ses-${++sequence}`,
      to,
      subject: `News ${sequence}`,
      html: "<p>News</p>",
      text: "News",
      topic: { id: newsTopicId, transactional: false },
    },
    {
      transport: {
        name: "ses-like",
        // SES's API gives back an id of its own, not the Message-ID header.
        send: async () => ({ messageId: `0100018f-ses-${sequence}` }),
      } satisfies EmailTransport,
    },
  );
  return entry;
}

type Signing = "Signature" | "SignatureVersion" | "SigningCertURL";
/** A message before signing (Omit of each member: a plain Omit of the union would keep only their common fields). */
type Unsigned = SnsMessage extends infer M
  ? M extends SnsMessage
    ? Omit<M, Signing>
    : never
  : never;

function signed(
  message: Unsigned,
  options: { version?: "1" | "2"; key?: string; certUrl?: string } = {},
) {
  const version = options.version ?? "2";
  const full = {
    ...message,
    SignatureVersion: version,
    SigningCertURL: options.certUrl ?? `${base}/SimpleNotificationService-test.pem`,
    Signature: "",
  } as SnsMessage;
  full.Signature = sign(
    version === "1" ? "sha1" : "sha256",
    Buffer.from(snsStringToSign(full)),
    options.key ?? privateKey,
  ).toString("base64");
  return full;
}

function notification(sesEvent: unknown, id = crypto.randomUUID()): Unsigned {
  return {
    Type: "Notification",
    MessageId: id,
    TopicArn: TOPIC,
    Message: JSON.stringify(sesEvent),
    Timestamp: "2026-03-01T09:00:05.000Z",
  };
}

function bounceOf(entry: { messageId: string | null }, bounceType: "Permanent" | "Transient") {
  return {
    eventType: "Bounce",
    bounce: {
      bounceType,
      bounceSubType: bounceType === "Permanent" ? "General" : "MailboxFull",
      timestamp: "2026-03-01T09:00:00.000Z",
      feedbackId: "feedback-1",
      bouncedRecipients: [{ emailAddress: "x", diagnosticCode: "smtp; 550 5.1.1 user unknown" }],
    },
    mail: {
      messageId: "ses-internal-id",
      headers: [{ name: "Message-ID", value: `<${entry.messageId}>` }],
    },
  };
}

async function post(body: unknown) {
  const request = new NextRequest("http://localhost/api/webhooks/ses", {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: {
      "content-type": "text/plain; charset=UTF-8",
      "x-amz-sns-message-type": "Notification",
    },
  });
  const response = await sesRoute(request);
  return { status: response.status, json: await response.json() };
}

async function rowCounts() {
  const [events] = await db().select({ n: count() }).from(emailEvents);
  const [suppressions] = await db().select({ n: count() }).from(emailSuppressions);
  return { events: events!.n, suppressions: suppressions!.n };
}

describe("POST /api/webhooks/ses", () => {
  it("confirms a subscription by fetching its SubscribeURL", async () => {
    const result = await post(
      signed({
        Type: "SubscriptionConfirmation",
        MessageId: crypto.randomUUID(),
        TopicArn: TOPIC,
        Message: "You have chosen to subscribe to the topic.",
        Timestamp: "2026-03-01T09:00:00.000Z",
        SubscribeURL: `${base}/confirm?Action=ConfirmSubscription&Token=abc`,
        Token: "abc",
      }),
    );
    expect(result).toMatchObject({
      status: 200,
      json: { kind: "subscription_confirmed", topicArn: TOPIC },
    });
    expect(hits).toContain("/confirm?Action=ConfirmSubscription&Token=abc");
  });

  it("records a permanent bounce named by the original Message-ID header and suppresses the address, once", async () => {
    const entry = await sendMarketing("Ses.Bounce@Example.com");
    const message = signed(notification(bounceOf(entry, "Permanent")));
    const result = await post(message);
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json).toMatchObject({
      kind: "recorded",
      event: { emailLogId: entry.id, recorded: true, suppressed: true },
    });
    const [event] = await db()
      .select()
      .from(emailEvents)
      .where(eq(emailEvents.emailLogId, entry.id));
    expect(event).toMatchObject({
      type: "bounced",
      bounceType: "hard",
      occurredAt: new Date("2026-03-01T09:00:00Z"),
      detail: expect.stringContaining("550 5.1.1"),
    });
    const suppressions = await db()
      .select()
      .from(emailSuppressions)
      .where(eq(emailSuppressions.address, "ses.bounce@example.com"));
    expect(suppressions).toMatchObject([{ reason: "hard_bounce", liftedAt: null }]);
    expect((await sendMarketing("ses.bounce@example.com")).skipReason).toBe("suppressed");

    // SNS redelivers the same message: recorded once.
    const before = await rowCounts();
    const again = await post(message);
    expect(again.json).toMatchObject({ kind: "recorded", event: { recorded: false } });
    expect(await rowCounts()).toEqual(before);
  });

  it("records a transient bounce as soft, without suppressing (signature version 1)", async () => {
    const entry = await sendMarketing("ses.soft@example.com");
    const result = await post(signed(notification(bounceOf(entry, "Transient")), { version: "1" }));
    expect(result.json).toMatchObject({
      kind: "recorded",
      event: { recorded: true, suppressed: false },
    });
    const [event] = await db()
      .select()
      .from(emailEvents)
      .where(eq(emailEvents.emailLogId, entry.id));
    expect(event).toMatchObject({ type: "bounced", bounceType: "soft" });
    expect((await sendMarketing("ses.soft@example.com")).status).toBe("sent");
  });

  it("matches SES's own message id on the provider id, and records deliveries, delays and complaints", async () => {
    const entry = await sendMarketing("ses.many@example.com");
    const mail = { messageId: entry.providerMessageId };
    const delivery = await post(
      signed(
        notification({
          notificationType: "Delivery",
          mail,
          delivery: { timestamp: "2026-03-01T09:01:00Z" },
        }),
      ),
    );
    const delay = await post(
      signed(
        notification({
          eventType: "DeliveryDelay",
          mail,
          deliveryDelay: { timestamp: "2026-03-01T09:00:30Z", delayType: "MailboxFull" },
        }),
      ),
    );
    const complaint = await post(
      signed(
        notification({
          eventType: "Complaint",
          mail,
          complaint: { timestamp: "2026-03-01T10:00:00Z", complaintFeedbackType: "abuse" },
        }),
      ),
    );
    for (const result of [delivery, delay, complaint])
      expect(result.json, JSON.stringify(result.json)).toMatchObject({
        kind: "recorded",
        event: { emailLogId: entry.id },
      });
    expect(complaint.json.event.suppressed).toBe(true);
    const [row] = await db().select().from(emailLog).where(eq(emailLog.id, entry.id));
    expect(row).toMatchObject({
      deliveredAt: new Date("2026-03-01T09:01:00Z"),
      complainedAt: new Date("2026-03-01T10:00:00Z"),
    });
    const types = await db()
      .select({ type: emailEvents.type })
      .from(emailEvents)
      .where(eq(emailEvents.emailLogId, entry.id));
    expect(types.map((t) => t.type).sort()).toEqual(["complained", "deferred", "delivered"]);
  });

  it("acknowledges mail it did not send and SES events it does not record, recording nothing", async () => {
    const before = await rowCounts();
    const unknown = await post(
      signed(
        notification({ eventType: "Delivery", mail: { messageId: "not-ours" }, delivery: {} }),
      ),
    );
    expect(unknown).toMatchObject({ status: 200, json: { kind: "ignored" } });
    const open = await post(
      signed(notification({ eventType: "Open", mail: { messageId: "not-ours" }, open: {} })),
    );
    expect(open).toMatchObject({ status: 200, json: { kind: "ignored" } });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a bad signature, a foreign certificate URL, a topic not allowed and a malformed body, recording nothing", async () => {
    const entry = await sendMarketing("ses.forged@example.com");
    const before = await rowCounts();
    const forged = signed(notification(bounceOf(entry, "Permanent")), { key: otherKey });
    expect(await post(forged)).toMatchObject({
      status: 403,
      json: { error: "sns_signature_invalid" },
    });

    const tampered = signed(notification(bounceOf(entry, "Transient")));
    tampered.Message = JSON.stringify(bounceOf(entry, "Permanent"));
    expect(await post(tampered)).toMatchObject({
      status: 403,
      json: { error: "sns_signature_invalid" },
    });

    const foreign = signed(notification(bounceOf(entry, "Permanent")), {
      certUrl: "https://evil.example.com/cert.pem",
    });
    expect(await post(foreign)).toMatchObject({
      status: 403,
      json: { error: "sns_certificate_url_refused" },
    });
    const lookalike = signed(notification(bounceOf(entry, "Permanent")), {
      certUrl: "https://sns.eu-west-1.amazonaws.com.evil.example/cert.pem",
    });
    expect(await post(lookalike)).toMatchObject({
      status: 403,
      json: { error: "sns_certificate_url_refused" },
    });

    process.env.SES_SNS_TOPIC_ARNS = "arn:aws:sns:eu-west-1:123456789012:other-topic";
    expect(await post(signed(notification(bounceOf(entry, "Permanent"))))).toMatchObject({
      status: 403,
      json: { error: "sns_topic_not_allowed" },
    });
    delete process.env.SES_SNS_TOPIC_ARNS;

    expect(await post("{not json")).toMatchObject({
      status: 400,
      json: { error: "sns_message_invalid" },
    });
    expect(await post({ Type: "Notification" })).toMatchObject({
      status: 400,
      json: { error: "sns_message_invalid" },
    });
    const notSes = await post(signed({ ...notification({}), Message: "plain text" }));
    expect(notSes).toMatchObject({ status: 400, json: { error: "ses_event_invalid" } });
    expect(await rowCounts()).toEqual(before);
    expect((await sendMarketing("ses.forged@example.com")).status).toBe("sent");
  });

  it("accepts messages of an allowed topic, and fetched the certificate once", async () => {
    process.env.SES_SNS_TOPIC_ARNS = `arn:aws:sns:eu-west-1:123456789012:other,${TOPIC}`;
    const entry = await sendMarketing("ses.allowed@example.com");
    const result = await post(signed(notification(bounceOf(entry, "Transient"))));
    expect(result.json).toMatchObject({ kind: "recorded" });
    expect(hits.filter((hit) => hit.endsWith(".pem"))).toHaveLength(1);
  });
});
