import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as referralLinkRoute } from "@/app/r/[code]/route";
import { describeReferralProgram } from "@/components/customer/referrals/program-summary";
import { addDays, freezeClock, resetClock } from "@/lib/clock";
import {
  discountCodes,
  emailLog,
  referralPrograms,
  referralRewards,
  referrals,
  userSightings,
  users,
  type User,
} from "@/lib/db/schema";
import { saveEmailTemplate } from "@/lib/email/save-email-template";
import type { EmailTransport, OutgoingEmail } from "@/lib/email/transport";
import { inviteFriend } from "@/lib/referrals/invite-friend";
import { listUserReferrals } from "@/lib/referrals/list-user-referrals";
import { REFERRAL_COOKIE, REFERRAL_COOKIE_MAX_AGE_SECONDS } from "@/lib/referrals/referral-cookies";
import { REFERRAL_INVITATION_TEMPLATE } from "@/lib/referrals/referral-invitation-template";
import { getReferralLink } from "@/lib/referrals/referral-link";
import { sendReferralInvitation } from "@/lib/referrals/send-referral-invitation";
import { openTestDatabase } from "../../support/test-database";
import { insertProgram, makeUser, seedReferralCatalog, uniqueEmail } from "./referral-kit";

/*
 * The customer's side of refer-a-friend: what /account/referrals and the API list for a user (theirs only), how the
 * page sums up the program, the invitation email that goes with an invitation referral, and the /r/<code> link.
 */

// The link's handler asks who is signed in and where the request comes from; outside a request both are set here.
const signedIn = vi.hoisted(() => ({ user: null as User | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn.user }));
vi.mock("@/lib/referrals/sightings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/referrals/sightings")>()),
  requestFingerprint: async () => ({
    browserId: "0b7c9a52-4a8e-4f0e-9a59-2f1f7c1e6d3a",
    ip: "203.0.113.5",
  }),
}));

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
const T0 = new Date("2026-08-03T07:30:00.000Z");

function recordingTransport(fail = false) {
  const sent: OutgoingEmail[] = [];
  const transport: EmailTransport = {
    name: "mailbox",
    async send(email) {
      if (fail) throw new Error("smtp down");
      sent.push(email);
      return { messageId: `<${sent.length}@test>` };
    },
  };
  return { transport, sent };
}

beforeAll(async () => {
  database = await openTestDatabase();
  freezeClock(T0);
  await seedReferralCatalog(database.db);
  await insertProgram(database.db, {
    friend_reward: {
      type: "free_days",
      options: { days: 14, subscription_type_code: "web_monthly" },
    },
  });
});
afterAll(async () => {
  resetClock();
  await database.close();
});
beforeEach(() => {
  freezeClock(T0);
  signedIn.user = null;
});

async function rewardFor(
  referralId: number,
  userId: number,
  role: "referrer" | "friend",
  discountCodeId: number | null = null,
) {
  const [reward] = await db()
    .insert(referralRewards)
    .values({
      referralId,
      userId,
      role,
      rewardType: discountCodeId ? "discount" : "free_days",
      description: "a reward",
      discountCodeId,
    })
    .returning();
  return reward!;
}

describe("listUserReferrals", () => {
  it("lists the user's own referrals, their rewards as referrer and as friend, and their usable discount codes only", async () => {
    const jane = await makeUser(db());
    const john = await makeUser(db());
    const mine = await inviteFriend(db(), { referrerUserId: jane.id, email: uniqueEmail("a") });
    freezeClock(addDays(T0, 1));
    const mineLater = await inviteFriend(db(), {
      referrerUserId: jane.id,
      email: uniqueEmail("b"),
    });
    const his = await inviteFriend(db(), { referrerUserId: john.id, email: uniqueEmail("c") });

    const [usable, , , johns] = await db()
      .insert(discountCodes)
      .values([
        {
          userId: jane.id,
          code: `usable-${jane.id}`,
          kind: "percent",
          percentOff: 20,
          expiresAt: addDays(T0, 10),
        },
        { userId: jane.id, code: `used-${jane.id}`, kind: "percent", percentOff: 20, usedAt: T0 },
        {
          userId: jane.id,
          code: `expired-${jane.id}`,
          kind: "fixed",
          amountOffCents: 100,
          expiresAt: addDays(T0, 1),
        },
        { userId: john.id, code: `johns-${john.id}`, kind: "fixed", amountOffCents: 100 },
      ])
      .returning();
    const asReferrer = await rewardFor(mine.id, jane.id, "referrer", usable!.id);
    // Jane was herself invited by John, and got the friend's reward of his referral.
    const asFriend = await rewardFor(his.id, jane.id, "friend");
    await rewardFor(his.id, john.id, "referrer", johns!.id);

    freezeClock(addDays(T0, 2));
    const listed = await listUserReferrals(db(), { userId: jane.id });

    expect(listed.referrals.map((referral) => referral.id)).toEqual([mineLater.id, mine.id]);
    expect(listed.rewards.map((row) => row.reward.id).sort()).toEqual(
      [asReferrer.id, asFriend.id].sort(),
    );
    expect(listed.rewards.find((row) => row.reward.id === asReferrer.id)?.discountCode?.id).toBe(
      usable!.id,
    );
    expect(listed.rewards.find((row) => row.reward.id === asFriend.id)?.discountCode).toBeNull();
    expect(listed.unusedDiscountCodes.map((code) => code.id)).toEqual([usable!.id]);

    const johnsList = await listUserReferrals(db(), { userId: john.id });
    expect(johnsList.referrals.map((referral) => referral.id)).toEqual([his.id]);
    expect(johnsList.rewards.map((row) => row.reward.role)).toEqual(["referrer"]);
    expect(johnsList.unusedDiscountCodes.map((code) => code.id)).toEqual([johns!.id]);
  });

  it("is empty for a user with nothing", async () => {
    const nobody = await makeUser(db());
    expect(await listUserReferrals(db(), { userId: nobody.id })).toEqual({
      referrals: [],
      rewards: [],
      unusedDiscountCodes: [],
    });
  });
});

describe("sendReferralInvitation", () => {
  it("emails the friend the referrer's link, in the referrer's name, with what the friend gets", async () => {
    const jane = await makeUser(db());
    const referral = await inviteFriend(db(), {
      referrerUserId: jane.id,
      email: uniqueEmail("pal"),
      name: "Pal",
    });
    const { transport, sent } = recordingTransport();

    const result = await sendReferralInvitation(db(), {
      referralId: referral.id,
      referrerUserId: jane.id,
      transport,
    });

    const { path } = await getReferralLink(db(), jane.id);
    expect(result?.sentNow).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe(referral.referredEmail);
    expect(sent[0]?.subject).toBe(`${jane.name} invites you to Subflow`);
    expect(sent[0]?.text).toContain("Hello Pal,");
    expect(sent[0]?.text).toContain(`Create your account: http://localhost:3000${path}`);
    expect(sent[0]?.text).toContain("you get 14 free days");
    expect(sent[0]?.html).toContain(`href="http://localhost:3000${path}"`);
    const [logged] = await db().select().from(emailLog).where(eq(emailLog.id, result!.entry.id));
    expect(logged).toMatchObject({
      status: "sent",
      templateCode: "referral_invitation",
      userId: null,
    });
  });

  it("says what the friend gets in the referrer's language, as the rest of the email", async () => {
    const jana = await makeUser(db());
    await db().update(users).set({ locale: "sk" }).where(eq(users.id, jana.id));
    const referral = await inviteFriend(db(), {
      referrerUserId: jana.id,
      email: uniqueEmail("kamos"),
    });
    const { transport, sent } = recordingTransport();

    await sendReferralInvitation(db(), {
      referralId: referral.id,
      referrerUserId: jana.id,
      transport,
    });

    expect(sent[0]?.text).toContain("Zaregistrujte sa cez odkaz nižšie a získate 14 dní zdarma.");
    expect(sent[0]?.html).not.toContain("free days");
  });

  it("sends one email per referral however often it is called", async () => {
    const jane = await makeUser(db());
    const referral = await inviteFriend(db(), {
      referrerUserId: jane.id,
      email: uniqueEmail("pal"),
    });
    const { transport, sent } = recordingTransport();
    const send = () =>
      sendReferralInvitation(db(), { referralId: referral.id, referrerUserId: jane.id, transport });
    await Promise.all([send(), send()]);
    const again = await send();
    expect(sent).toHaveLength(1);
    expect(again?.sentNow).toBe(false);
    expect(sent[0]?.text).toContain("Hello,");
  });

  it("uses the admin's referral_invitation template when there is one, and leaves out a friend reward the program lacks", async () => {
    await saveEmailTemplate(db(), {
      ...REFERRAL_INVITATION_TEMPLATE,
      subject: "Join {{referral.sender_name}} on {{app.name}}",
    });
    const jane = await makeUser(db());
    const referral = await inviteFriend(db(), {
      referrerUserId: jane.id,
      email: uniqueEmail("pal"),
    });
    await db()
      .update(referralPrograms)
      .set({ friendReward: null })
      .where(eq(referralPrograms.id, referral.programId));
    const { transport, sent } = recordingTransport();
    await sendReferralInvitation(db(), {
      referralId: referral.id,
      referrerUserId: jane.id,
      transport,
    });
    expect(sent[0]?.subject).toBe(`Join ${jane.name} on Subflow`);
    expect(sent[0]?.text).not.toContain("you get");
  });

  it("returns null when delivery fails, keeping the referral and the failure on the log", async () => {
    const jane = await makeUser(db());
    const referral = await inviteFriend(db(), {
      referrerUserId: jane.id,
      email: uniqueEmail("pal"),
    });
    const { transport } = recordingTransport(true);
    expect(
      await sendReferralInvitation(db(), {
        referralId: referral.id,
        referrerUserId: jane.id,
        transport,
      }),
    ).toBeNull();
    const [logged] = await db()
      .select()
      .from(emailLog)
      .where(eq(emailLog.idempotencyKey, `referral-invitation:${referral.id}`));
    expect(logged).toMatchObject({ status: "failed" });
    expect(await db().select().from(referrals).where(eq(referrals.id, referral.id))).toHaveLength(
      1,
    );
  });

  it("refuses someone else's referral and one that is no longer pending", async () => {
    const jane = await makeUser(db());
    const john = await makeUser(db());
    const referral = await inviteFriend(db(), {
      referrerUserId: jane.id,
      email: uniqueEmail("pal"),
    });
    const { transport, sent } = recordingTransport();
    await expect(
      sendReferralInvitation(db(), { referralId: referral.id, referrerUserId: john.id, transport }),
    ).rejects.toMatchObject({
      code: "referral_not_found",
      status: 404,
    });
    await db().update(referrals).set({ status: "expired" }).where(eq(referrals.id, referral.id));
    await expect(
      sendReferralInvitation(db(), { referralId: referral.id, referrerUserId: jane.id, transport }),
    ).rejects.toMatchObject({
      code: "referral_wrong_status",
    });
    expect(sent).toHaveLength(0);
  });
});

describe("describeReferralProgram", () => {
  const program = {
    triggers: [{ type: "first_payment", options: {} }],
    constraints: [{ type: "timeout_days", options: { days: 60 } }],
    reward: { type: "free_days", options: { days: 30 } },
    friendReward: { type: "discount", options: { kind: "percent", percent_off: 20 } },
    maxRewardsPerReferrer: null,
  };

  it("sums up the program from each registry entry's description", () => {
    expect(describeReferralProgram(program, "en")).toBe(
      "Invite a friend: you get 30 free days when the friend first pays (within 60 days). They get 20% off a payment.",
    );
    expect(
      describeReferralProgram(
        {
          ...program,
          triggers: [{ type: "sign_up", options: {} }],
          constraints: [],
          friendReward: null,
          maxRewardsPerReferrer: 3,
        },
        "en",
      ),
    ).toBe(
      "Invite a friend: you get 30 free days when the friend signs up. Up to 3 rewards per person.",
    );
  });

  it("promises nothing when the referrer gets nothing", () => {
    expect(
      describeReferralProgram(
        { ...program, reward: { type: "no_reward", options: {} }, friendReward: null },
        "en",
      ),
    ).toBe("Invite a friend to join.");
  });
});

describe("GET /r/<code>", () => {
  const open = (code: string) =>
    referralLinkRoute(new NextRequest(`http://localhost:3000/r/${encodeURIComponent(code)}`), {
      params: Promise.resolve({ code }),
    });

  it("remembers a visitor's referrer in a 30-day cookie and sends them to sign-up", async () => {
    const jane = await makeUser(db());
    const { code } = await getReferralLink(db(), jane.id);

    const response = await open(code.toUpperCase());

    expect(response.status).toBe(307);
    expect(new URL(response.headers.get("location")!).pathname).toBe("/register");
    const cookie = response.cookies.get(REFERRAL_COOKIE);
    expect(cookie).toMatchObject({
      value: code,
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: REFERRAL_COOKIE_MAX_AGE_SECONDS,
    });
    // Someone else signed in already has an account: to it, without a cookie.
    signedIn.user = await makeUser(db());
    const customer = await open(code);
    expect(new URL(customer.headers.get("location")!).pathname).toBe("/account");
    expect(customer.cookies.get(REFERRAL_COOKIE)).toBeUndefined();
  });

  it("sends an unknown code to sign-up without a cookie", async () => {
    for (const code of ["zzzzzzzzzz", "not a code"]) {
      const response = await open(code);
      expect(new URL(response.headers.get("location")!).pathname).toBe("/register");
      expect(response.cookies.get(REFERRAL_COOKIE)).toBeUndefined();
    }
  });

  it("sends the referrer opening their own link to their referrals page, remembering where they were seen", async () => {
    const jane = await makeUser(db());
    const { code } = await getReferralLink(db(), jane.id);
    signedIn.user = jane;

    const response = await open(code);

    expect(new URL(response.headers.get("location")!).pathname).toBe("/account/referrals");
    expect(response.cookies.get(REFERRAL_COOKIE)).toBeUndefined();
    const sightings = await db()
      .select()
      .from(userSightings)
      .where(eq(userSightings.userId, jane.id));
    expect(sightings).toHaveLength(1);
    expect(sightings[0]?.ipHash).toBeTruthy();
    expect(sightings[0]?.browserHash).toBeTruthy();
  });
});
