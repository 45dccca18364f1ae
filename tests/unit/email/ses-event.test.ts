import { describe, expect, it } from "vitest";
import { parseSesEvent } from "@/lib/email/events/ses/ses-event";
import { snsStringToSign } from "@/lib/email/events/ses/sns-message";

const received = new Date("2026-03-01T12:00:00Z");
const mail = {
  messageId: "ses-id",
  headers: [
    { name: "From", value: "news@example.com" },
    { name: "message-id", value: " <ours@mail.example.com> " },
  ],
};

describe("parseSesEvent", () => {
  it("reads a permanent bounce as hard, named first by the original Message-ID header, then SES's id", () => {
    const parsed = parseSesEvent(
      JSON.stringify({
        eventType: "Bounce",
        mail,
        bounce: {
          bounceType: "Permanent",
          bounceSubType: "NoEmail",
          timestamp: "2026-03-01T09:00:00Z",
          bouncedRecipients: [{ emailAddress: "a@b", diagnosticCode: "550 no such user" }],
        },
      }),
      received,
    );
    expect(parsed).toEqual({
      ok: true,
      event: {
        messageIds: [
          { value: "ours@mail.example.com", providerId: false },
          { value: "ses-id", providerId: true },
        ],
        type: "bounced",
        bounceType: "hard",
        occurredAt: new Date("2026-03-01T09:00:00Z"),
        detail: "Permanent/NoEmail: 550 no such user",
      },
    });
  });

  it.each([
    ["Transient", "soft"],
    ["Undetermined", "soft"],
  ])("reads a %s bounce as %s", (bounceType, expected) => {
    const parsed = parseSesEvent(
      JSON.stringify({
        notificationType: "Bounce",
        mail: { messageId: "x" },
        bounce: { bounceType },
      }),
      received,
    );
    expect(parsed.ok && parsed.event).toMatchObject({ bounceType: expected, occurredAt: received });
  });

  it("reads complaints, deliveries and delays; other SES events are not delivery events", () => {
    const kinds = [
      { eventType: "Complaint", complaint: {} },
      { eventType: "Delivery", delivery: { timestamp: "not a date" } },
      { eventType: "DeliveryDelay", deliveryDelay: {} },
      { eventType: "Click", click: {} },
    ].map((event) =>
      parseSesEvent(JSON.stringify({ ...event, mail: { messageId: "x" } }), received),
    );
    expect(kinds.map((k) => (k.ok ? (k.event?.type ?? null) : "error"))).toEqual([
      "complained",
      "delivered",
      "deferred",
      null,
    ]);
    expect(kinds[1]!.ok && kinds[1]!.event?.occurredAt).toEqual(received);
  });

  it("refuses a Message that is not JSON or has no mail", () => {
    expect(parseSesEvent("hello", received).ok).toBe(false);
    expect(parseSesEvent(JSON.stringify({ eventType: "Bounce" }), received).ok).toBe(false);
  });
});

describe("snsStringToSign", () => {
  const common = {
    MessageId: "m-1",
    TopicArn: "arn:t",
    Message: "hello\nworld",
    Timestamp: "2026-03-01T09:00:00Z",
    SignatureVersion: "2" as const,
    Signature: "sig",
    SigningCertURL: "https://sns.eu-west-1.amazonaws.com/c.pem",
  };

  it("signs a notification's fields in AWS's order, Subject only when present", () => {
    expect(snsStringToSign({ ...common, Type: "Notification" })).toBe(
      "Message\nhello\nworld\nMessageId\nm-1\nTimestamp\n2026-03-01T09:00:00Z\nTopicArn\narn:t\nType\nNotification\n",
    );
    expect(snsStringToSign({ ...common, Type: "Notification", Subject: "S" })).toContain(
      "MessageId\nm-1\nSubject\nS\nTimestamp\n",
    );
  });

  it("signs a subscription confirmation with its SubscribeURL and Token", () => {
    expect(
      snsStringToSign({
        ...common,
        Type: "SubscriptionConfirmation",
        SubscribeURL: "https://u",
        Token: "tok",
      }),
    ).toBe(
      "Message\nhello\nworld\nMessageId\nm-1\nSubscribeURL\nhttps://u\nTimestamp\n2026-03-01T09:00:00Z\nToken\ntok\nTopicArn\narn:t\nType\nSubscriptionConfirmation\n",
    );
  });
});
