import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { handleSnsMessage } from "@/lib/email/events/ses/handle-sns-message";
import { SnsUnavailableError } from "@/lib/email/events/ses/sns-signing-certificate";
import { isAppError } from "@/lib/errors";

const MAX_BODY_BYTES = 256 * 1024;

/**
 * Amazon SES event notifications through SNS: subscribe this URL (HTTPS) to the SNS topic of the SES configuration
 * set's event destination (bounces, complaints, deliveries, delivery delays), and set SES_SNS_TOPIC_ARNS to the topic.
 * The body is read raw and its SNS signature verified before anything is recorded.
 */
export async function POST(request: NextRequest) {
  const rawBody = await request.text();
  if (Buffer.byteLength(rawBody) > MAX_BODY_BYTES)
    return NextResponse.json(
      { error: "body_too_large", message: "An SNS message is at most 256 KB." },
      { status: 413 },
    );
  try {
    const handled = await handleSnsMessage(await getDb(), rawBody);
    return NextResponse.json({ received: true, ...handled });
  } catch (error) {
    if (isAppError(error))
      return NextResponse.json(
        { error: error.code, message: error.message },
        { status: error.status },
      );
    if (error instanceof SnsUnavailableError)
      return NextResponse.json({ error: error.code, message: error.message }, { status: 503 });
    console.error("SES notification failed", error);
    return NextResponse.json(
      {
        error: "internal_error",
        message: "The notification could not be handled; SNS retries it.",
      },
      { status: 500 },
    );
  }
}
