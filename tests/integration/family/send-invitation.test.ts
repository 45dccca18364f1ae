import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { customerActor } from "@/lib/auth/actor";
import { addDays, advanceClock, freezeClock, MINUTE_MS, resetClock } from "@/lib/clock";
import { emailLog, familyRequests } from "@/lib/db/schema";
import type { EmailTransport, OutgoingEmail } from "@/lib/email/transport";
import { saveEmailTemplate } from "@/lib/email/save-email-template";
import { activateFamilyRequest } from "@/lib/family/activate-family-request";
import { FAMILY_INVITATION_TEMPLATE } from "@/lib/family/family-invitation-template";
import {
  FAMILY_INVITATIONS_PER_MASTER_PER_HOUR,
  sendFamilyInvitation,
} from "@/lib/family/send-family-invitation";
import { openTestDatabase } from "../../support/test-database";
import { createFamilyCustomer, createFamilyMaster, seedFamilyCatalog } from "./family-kit";

/*
 * "Send by email" on /account/family: the master emails a free code's link to a friend who may have no account. The
 * email goes through the pipeline (email_log, once per key), and sending is rate-limited per code and address.
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
const T0 = new Date("2026-05-04T08:10:00.000Z");

function recordingTransport() {
  const sent: OutgoingEmail[] = [];
  const transport: EmailTransport = {
    name: "mailbox",
    async send(email) {
      sent.push(email);
      return { messageId: `<${sent.length}@test>` };
    },
  };
  return { transport, sent };
}

beforeAll(async () => {
  database = await openTestDatabase();
  freezeClock(T0);
  await seedFamilyCatalog(database.db);
});
afterAll(async () => {
  resetClock();
  await database.close();
});
beforeEach(() => freezeClock(T0));

describe("sendFamilyInvitation", () => {
  it("emails the code's activation link, in the master's name, to an address without an account", async () => {
    const master = await createFamilyMaster(db());
    const request = master.requests[0]!;
    const { transport, sent } = recordingTransport();

    const result = await sendFamilyInvitation(db(), {
      requestId: request.id,
      masterUserId: master.user.id,
      to: "Friend@Example.com",
      transport,
    });

    expect(result.sentNow).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe("friend@example.com");
    expect(sent[0]?.subject).toBe(`${master.user.name} shares Web yearly with you`);
    expect(sent[0]?.text).toContain(`/family/activate/${request.code}`);
    expect(sent[0]?.html).toContain(`href="http://localhost:3000/family/activate/${request.code}"`);
    expect(sent[0]?.text).toContain("Web yearly (Web)");
    const [logged] = await db().select().from(emailLog).where(eq(emailLog.id, result.entry.id));
    expect(logged).toMatchObject({
      status: "sent",
      templateCode: "family_invitation",
      toAddress: "friend@example.com",
      userId: null,
    });
  });

  it("uses the admin's family_invitation template when there is one, and links a recipient who has an account", async () => {
    await saveEmailTemplate(db(), {
      ...FAMILY_INVITATION_TEMPLATE,
      subject: "Join {{family.sender_name}} on {{app.name}}",
    });
    const master = await createFamilyMaster(db());
    const friend = await createFamilyCustomer(db(), "friend");
    const { transport, sent } = recordingTransport();
    const result = await sendFamilyInvitation(db(), {
      requestId: master.requests[0]!.id,
      masterUserId: master.user.id,
      to: friend.user.email,
      transport,
    });
    expect(sent[0]?.subject).toBe(`Join ${master.user.name} on Subflow`);
    expect(result.entry.userId).toBe(friend.user.id);
  });

  it("sends one code to one address once an hour, and lets a double submit send one email", async () => {
    const master = await createFamilyMaster(db());
    const request = master.requests[1]!;
    const { transport, sent } = recordingTransport();
    const send = (to: string) =>
      sendFamilyInvitation(db(), {
        requestId: request.id,
        masterUserId: master.user.id,
        to,
        transport,
      });

    const both = await Promise.allSettled([send("pal@example.com"), send("pal@example.com")]);
    expect(sent).toHaveLength(1);
    expect(both.filter((outcome) => outcome.status === "fulfilled").length).toBeGreaterThanOrEqual(
      1,
    );

    advanceClock(30 * MINUTE_MS);
    await expect(send("pal@example.com")).rejects.toMatchObject({
      code: "family_invitation_rate_limited",
      status: 429,
    });
    // Another address is fine at once.
    await send("other-pal@example.com");
    expect(sent).toHaveLength(2);

    advanceClock(31 * MINUTE_MS);
    await send("pal@example.com");
    expect(sent).toHaveLength(3);
  });

  it(`caps a master at ${FAMILY_INVITATIONS_PER_MASTER_PER_HOUR} invitations an hour`, async () => {
    const master = await createFamilyMaster(db());
    const { transport, sent } = recordingTransport();
    for (let i = 0; i < FAMILY_INVITATIONS_PER_MASTER_PER_HOUR; i++) {
      await sendFamilyInvitation(db(), {
        requestId: master.requests[i % 3]!.id,
        masterUserId: master.user.id,
        to: `pal-${i}@example.com`,
        transport,
      });
    }
    await expect(
      sendFamilyInvitation(db(), {
        requestId: master.requests[0]!.id,
        masterUserId: master.user.id,
        to: "one-more@example.com",
        transport,
      }),
    ).rejects.toMatchObject({ code: "family_invitation_rate_limited" });
    expect(sent).toHaveLength(FAMILY_INVITATIONS_PER_MASTER_PER_HOUR);
  });

  it("refuses another master's code, a used or canceled code, an expired one and the master's own address", async () => {
    const master = await createFamilyMaster(db());
    const stranger = await createFamilyMaster(db());
    const { transport, sent } = recordingTransport();
    const send = (requestId: number, to = "pal@example.com", masterUserId = master.user.id) =>
      sendFamilyInvitation(db(), { requestId, masterUserId, to, transport });

    await expect(send(stranger.requests[0]!.id)).rejects.toMatchObject({
      code: "family_request_not_found",
      status: 404,
    });
    const friend = await createFamilyCustomer(db(), "friend");
    await activateFamilyRequest(db(), {
      code: master.requests[0]!.code,
      actor: customerActor(friend.user.id),
    });
    await expect(send(master.requests[0]!.id)).rejects.toMatchObject({
      code: "family_request_wrong_status",
      status: 409,
    });
    await db()
      .update(familyRequests)
      .set({ status: "canceled" })
      .where(eq(familyRequests.id, master.requests[1]!.id));
    await expect(send(master.requests[1]!.id)).rejects.toMatchObject({
      code: "family_request_wrong_status",
    });
    await expect(
      send(master.requests[2]!.id, master.user.email.toUpperCase()),
    ).rejects.toMatchObject({ code: "family_invitation_to_self" });
    freezeClock(addDays(master.subscription.endAt, 1));
    await expect(send(master.requests[2]!.id)).rejects.toMatchObject({
      code: "family_request_expired",
      status: 400,
    });
    expect(sent).toHaveLength(0);
  });
});
