import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { referralPrograms, referrals, users } from "@/lib/db/schema";
import { createReferralProgram } from "@/lib/referrals/admin/save-program";
import { inviteFriend } from "@/lib/referrals/invite-friend";
import { getReferralLink } from "@/lib/referrals/referral-link";

export const DEMO_REFERRAL_PROGRAM = "Bring a friend";

/** Jane's invitations: one waiting for her friend, one to an alias of her own address that the fraud guard holds. */
const DEMO_INVITATIONS = [
  { referrer: "jane@subflow.test", email: "lucas@example.com", name: "Lucas" },
  { referrer: "jane@subflow.test", email: "jane+promo@subflow.test", name: "Jane (promo)" },
];

/**
 * The default program (the friend's first payment gives the referrer 30 free days and the friend 20% off, within 60
 * days, at most 100 rewards per referrer) and Jane's invitations. Needs the demo catalog and accounts.
 */
export async function seedDemoReferrals(db: Db): Promise<string[]> {
  const created: string[] = [];
  const [existing] = await db
    .select({ id: referralPrograms.id })
    .from(referralPrograms)
    .where(eq(referralPrograms.name, DEMO_REFERRAL_PROGRAM));
  if (!existing) {
    await createReferralProgram(db, {
      name: DEMO_REFERRAL_PROGRAM,
      active: true,
      is_default: true,
      triggers: [{ type: "first_payment", options: {} }],
      constraints: [{ type: "timeout_days", options: { days: 60 } }],
      reward: { type: "free_days", options: { days: 30, subscription_type_code: "web_monthly" } },
      friend_reward: {
        type: "discount",
        options: { kind: "percent", percent_off: 20, valid_days: 90 },
      },
      max_rewards_per_referrer: 100,
      review_window_days: 30,
    });
    created.push(`referral program "${DEMO_REFERRAL_PROGRAM}" (default)`);
  }
  for (const invitation of DEMO_INVITATIONS) {
    const [referrer] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, invitation.referrer));
    if (!referrer) continue;
    await getReferralLink(db, referrer.id);
    const [done] = await db
      .select({ id: referrals.id })
      .from(referrals)
      .where(eq(sql`lower(${referrals.referredEmail})`, invitation.email));
    if (done) continue;
    await inviteFriend(db, {
      referrerUserId: referrer.id,
      email: invitation.email,
      name: invitation.name,
    });
    created.push(`referral ${invitation.referrer} → ${invitation.email}`);
  }
  return created;
}
