import { z } from "zod";

/**
 * An Amazon SNS message as SNS posts it to an HTTP(S) subscriber (the JSON body), and the string its signature covers.
 * Pure: lib/email/events/ses/verify-sns-message.ts checks the signature.
 */
const field = z.string().max(300_000);

const common = {
  MessageId: z.string().min(1).max(200),
  TopicArn: z.string().min(1).max(300),
  Message: field,
  Timestamp: z.string().min(1).max(100),
  SignatureVersion: z.enum(["1", "2"]),
  Signature: z.string().min(1).max(2000),
  SigningCertURL: z.string().min(1).max(2000),
};

export const snsMessageSchema = z.discriminatedUnion("Type", [
  z.object({
    Type: z.literal("Notification"),
    ...common,
    Subject: z.string().max(1000).optional(),
    UnsubscribeURL: z.string().max(2000).optional(),
  }),
  z.object({
    Type: z.enum(["SubscriptionConfirmation", "UnsubscribeConfirmation"]),
    ...common,
    SubscribeURL: z.string().min(1).max(2000),
    Token: z.string().min(1).max(2000),
  }),
]);
export type SnsMessage = z.output<typeof snsMessageSchema>;

/**
 * What SNS signs (docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html): each field's name and
 * value, one a line, in byte order of the names — for a notification Message, MessageId, Subject (only when
 * present), Timestamp, TopicArn, Type; for a subscription or unsubscribe confirmation Message, MessageId,
 * SubscribeURL, Timestamp, Token, TopicArn, Type.
 */
export function snsStringToSign(message: SnsMessage): string {
  const pairs: [string, string | undefined][] =
    message.Type === "Notification"
      ? [
          ["Message", message.Message],
          ["MessageId", message.MessageId],
          ["Subject", message.Subject],
          ["Timestamp", message.Timestamp],
          ["TopicArn", message.TopicArn],
          ["Type", message.Type],
        ]
      : [
          ["Message", message.Message],
          ["MessageId", message.MessageId],
          ["SubscribeURL", message.SubscribeURL],
          ["Timestamp", message.Timestamp],
          ["Token", message.Token],
          ["TopicArn", message.TopicArn],
          ["Type", message.Type],
        ];
  return pairs
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([name, value]) => `${name}\n${value}\n`)
    .join("");
}
