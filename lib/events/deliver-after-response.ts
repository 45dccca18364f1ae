import "server-only";
import { after } from "next/server";
import { getDb } from "@/lib/db";
import { deliverEvents } from "./deliver-events";

/**
 * Deliver the outbox once the response is sent, so events reach Inngest within moments of their commit without
 * delaying the person or program that caused them. Outside a request (scripts, tests) there is no "after": the
 * outbox sweep delivers those events.
 */
export function deliverEventsAfterResponse(): void {
  try {
    after(async () => {
      try {
        await deliverEvents(await getDb());
      } catch (error) {
        console.warn("outbox: delivery after response failed; the sweep will retry", error);
      }
    });
  } catch {
    // not in a request scope
  }
}
