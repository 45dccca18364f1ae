import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, freezeClock, MINUTE_MS } from "@/lib/clock";
import { emailLog, referralPrograms, referrals } from "@/lib/db/schema";
import { inviteAndSend } from "@/lib/referrals/invite-and-send";
import { getReferralLink } from "@/lib/referrals/referral-link";
import { authenticateUser } from "@/lib/users/authenticate-user";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import { startLocalInngest } from "../../support/local-inngest";
import {
  insertProgram,
  makeUser,
  payFor,
  seedReferralCatalog,
  uniqueEmail,
} from "../referrals/referral-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let inngest: Awaited<ReturnType<typeof startLocalInngest>>;
const db = () => database.db;

beforeAll(async () => {
  database = await openTestDatabase();
  freezeClock(new Date("2026-07-01T00:00:00Z"));
  await seedReferralCatalog(db());
  inngest = await startLocalInngest(db());
  await inngest.executor.drain(); // registers the cron triggers from "now"
});
afterAll(async () => {
  await inngest.stop();
  await database.close();
});

async function referredThroughLink(referrerId: number) {
  const { code } = await getReferralLink(db(), referrerId);
  const friend = await createUser(db(), {
    email: uniqueEmail("friend"),
    password: "secret1234",
    referral: { code },
  });
  const statusOf = async () =>
    (await db().select().from(referrals).where(eq(referrals.referredUserId, friend.id)))[0]?.status;
  return { friend, statusOf };
}

describe("referral functions over the real serve endpoint", () => {
  it("the friend's first sign-in completes a sign_up referral", async () => {
    await insertProgram(db());
    const referrer = await makeUser(db());
    const { friend, statusOf } = await referredThroughLink(referrer.id);
    await inngest.advance(MINUTE_MS);
    expect(await statusOf()).toBe("pending");
    await authenticateUser(db(), friend.email, "secret1234");
    await inngest.advance(MINUTE_MS);
    expect(await statusOf()).toBe("complete");
  });

  it("the friend's payment completes a first_payment referral; the daily sweep expires the rest", async () => {
    await db().update(referralPrograms).set({ isDefault: false });
    await insertProgram(db(), {
      triggers: [{ type: "first_payment", options: {} }],
      constraints: [{ type: "timeout_days", options: { days: 3 } }],
    });
    const referrer = await makeUser(db());
    const paying = await referredThroughLink(referrer.id);
    const idle = await referredThroughLink(referrer.id);
    await authenticateUser(db(), paying.friend.email, "secret1234");
    await inngest.advance(MINUTE_MS);
    expect(await paying.statusOf()).toBe("pending");
    await payFor(db(), paying.friend.id, "web_monthly");
    await inngest.advance(MINUTE_MS);
    expect(await paying.statusOf()).toBe("complete");
    await inngest.advance(4 * DAY_MS);
    expect(await idle.statusOf()).toBe("expired");
  });

  it("an invitation whose email failed in the request is delivered by the function's retry", async () => {
    await db().update(referralPrograms).set({ isDefault: false });
    await insertProgram(db());
    const referrer = await makeUser(db());
    const email = uniqueEmail("invited");
    process.env.SMTP_URL = "smtp://127.0.0.1:9";
    try {
      expect(
        (await inviteAndSend(db(), { referrerUserId: referrer.id, email, clientAddress: null }))
          .sent,
      ).toBe(false);
    } finally {
      delete process.env.SMTP_URL;
    }
    const logOf = async () =>
      (await db().select().from(emailLog).where(eq(emailLog.toAddress, email)))[0];
    expect((await logOf())?.status).toBe("failed");
    for (let i = 0; i < 5 && (await logOf())?.status !== "sent"; i++)
      await inngest.advance(MINUTE_MS);
    expect(await logOf()).toMatchObject({ status: "sent", templateCode: "referral_invitation" });
    expect(await db().select().from(emailLog).where(eq(emailLog.toAddress, email))).toHaveLength(1);
  });
});
