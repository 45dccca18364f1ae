import "server-only";
import { verify } from "node:crypto";
import { AppError } from "@/lib/errors";
import { isAllowedSnsTopic } from "./sns-config";
import { snsMessageSchema, snsStringToSign, type SnsMessage } from "./sns-message";
import { snsSigningKey } from "./sns-signing-certificate";

/**
 * Parse an SNS message (the raw request body) and check that SNS sent it: an allowed topic, then the signature —
 * SignatureVersion 1 is SHA1withRSA, 2 SHA256withRSA — against the certificate SNS serves at SigningCertURL. Bad JSON
 * or shape is 400 `sns_message_invalid`; a topic not allowed 403 `sns_topic_not_allowed`; a signature that does not
 * verify 403 `sns_signature_invalid`.
 */
export async function verifySnsMessage(rawBody: string): Promise<SnsMessage> {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new AppError("sns_message_invalid", "The body is not JSON.", 400);
  }
  const parsed = snsMessageSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      "sns_message_invalid",
      `Not an SNS message: ${issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "unexpected shape"}.`,
      400,
    );
  }
  const message = parsed.data;
  if (!isAllowedSnsTopic(message.TopicArn))
    throw new AppError(
      "sns_topic_not_allowed",
      `Messages of ${message.TopicArn} are not accepted.`,
      403,
    );
  const key = await snsSigningKey(message.SigningCertURL);
  let valid: boolean;
  try {
    valid = verify(
      message.SignatureVersion === "1" ? "sha1" : "sha256",
      Buffer.from(snsStringToSign(message), "utf8"),
      key,
      Buffer.from(message.Signature, "base64"),
    );
  } catch {
    // A key of another kind than RSA, or a signature of the wrong length.
    valid = false;
  }
  if (!valid)
    throw new AppError("sns_signature_invalid", "The SNS signature does not verify.", 403);
  return message;
}
