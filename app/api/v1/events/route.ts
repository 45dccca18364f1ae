import { eq } from "drizzle-orm";
import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { requireUser } from "@/lib/api/require-user";
import { events } from "@/lib/db/schema";
import type { CustomEventName } from "@/lib/events/event-names";
import { recordEvent } from "@/lib/events/record-event";
import { createEventBodySchema } from "@/lib/api/operations/events";

export const POST = apiRoute(
  { auth: { token: "api", scope: "events:write" }, body: createEventBodySchema },
  async ({ db, body }) => {
    const dedupeKey = body.id === undefined ? undefined : `api:${body.id}`;
    const event = await db.transaction(async (tx) => {
      await requireUser(tx, body.user_id);
      const id = await recordEvent(tx, {
        name: body.name as CustomEventName,
        userId: body.user_id,
        payload: body.payload ?? {},
        dedupeKey,
      });
      if (id !== null) return { id, name: body.name, accepted: true };
      // Already recorded under this id (a retry, or a concurrent duplicate that committed first): report that one.
      const [existing] = await tx
        .select({ id: events.id, name: events.name })
        .from(events)
        .where(eq(events.dedupeKey, dedupeKey ?? ""))
        .limit(1);
      if (!existing) throw new Error("deduplicated event vanished");
      return { ...existing, accepted: false };
    });
    return NextResponse.json({ event }, { status: 202 });
  },
);
