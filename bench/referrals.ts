/**
 * `npm run bench:referrals` (needs DATABASE_URL, a Postgres server), on a fresh database of its own (created and
 * dropped here) with a pool of --pool connections:
 *
 * 1. Listing: `listUserReferrals` (what `GET /api/v1/referrals` and /account/referrals call) for a user with 1, 50
 *    and 500 referrals (every tenth one complete with a reward), among --others other referrers' referrals; median and
 *    p95 milliseconds over --iterations sequential calls.
 * 2. Invitations: --inviters users invite --per-inviter friends each, all at once (`inviteFriend` and then
 *    `sendReferralInvitation` to the built-in mailbox transport, as the API does); invitations per second over the
 *    wall time, median and p95 latency. Every invitation must succeed (asserted).
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import { connect } from "@/lib/db/connect";
import { migrateDatabase } from "@/lib/db/migrate";
import { emailLog, referralPrograms, referralRewards, referrals } from "@/lib/db/schema";
import { inviteFriend, REFERRAL_INVITATIONS_PER_HOUR } from "@/lib/referrals/invite-friend";
import { listUserReferrals } from "@/lib/referrals/list-user-referrals";
import { sendReferralInvitation } from "@/lib/referrals/send-referral-invitation";
import { createContentAccess } from "@/lib/subscriptions/create-content-access";
import { saveSubscriptionType } from "@/lib/subscriptions/save-subscription-type";
import { createUser } from "@/lib/users/create-user";
import { formatSummary, summarize } from "./support/latency";
import { benchServer } from "./support/bench-database";

const { values } = parseArgs({
  options: {
    iterations: { type: "string", default: "200" },
    others: { type: "string", default: "2000" },
    inviters: { type: "string", default: "50" },
    "per-inviter": { type: "string", default: "10" },
    pool: { type: "string", default: "20" },
  },
});
const ITERATIONS = Number(values.iterations);
const OTHERS = Number(values.others);
const INVITERS = Number(values.inviters);
const PER_INVITER = Number(values["per-inviter"]);
const POOL_SIZE = Number(values.pool);
const SIZES = [1, 50, 500];

if (PER_INVITER > REFERRAL_INVITATIONS_PER_HOUR) {
  console.error(
    `--per-inviter must stay within the hourly limit of ${REFERRAL_INVITATIONS_PER_HOUR} invitations.`,
  );
  process.exit(1);
}

const server = benchServer();

await server.create();
const connection = await connect(server.url, { poolSize: POOL_SIZE });
const db = connection.db;
try {
  await migrateDatabase(connection);
  await createContentAccess(db, { code: "web", name: "Web" });
  await saveSubscriptionType(db, {
    code: "web_monthly",
    name: "Web monthly",
    lengthDays: 31,
    priceCents: 990,
    contentAccessCodes: ["web"],
  });
  const [program] = await db
    .insert(referralPrograms)
    .values({
      name: "Bring a friend",
      isDefault: true,
      triggers: [{ type: "first_payment", options: {} }],
      reward: { type: "free_days", options: { days: 30, subscription_type_code: "web_monthly" } },
      friendReward: { type: "discount", options: { kind: "percent", percent_off: 20 } },
    })
    .returning();
  if (!program) throw new Error("the program was not created");

  /** A referrer with `count` referrals made straight in the table (every tenth complete, with its reward row). */
  async function referrerWith(label: string, count: number): Promise<number> {
    const user = await createUser(db, { email: `${label}@example.com`, name: label });
    const at = now();
    for (let start = 0; start < count; start += 500) {
      const batch = Array.from({ length: Math.min(500, count - start) }, (_, k) => start + k);
      const rows = await db
        .insert(referrals)
        .values(
          batch.map((i) => ({
            referrerUserId: user.id,
            referredEmail: `${label}-friend-${i}@example.com`,
            referredName: `Friend ${i}`,
            programId: program!.id,
            source: i % 2 === 0 ? ("invitation" as const) : ("link" as const),
            status: i % 10 === 0 ? ("complete" as const) : ("pending" as const),
            completedAt: i % 10 === 0 ? at : null,
            createdAt: new Date(at.getTime() - i * 60_000),
          })),
        )
        .returning({ id: referrals.id, status: referrals.status });
      const completed = rows.filter((row) => row.status === "complete");
      if (completed.length > 0) {
        await db.insert(referralRewards).values(
          completed.map((row) => ({
            referralId: row.id,
            userId: user.id,
            role: "referrer" as const,
            rewardType: "free_days",
            description: "30 free days",
          })),
        );
      }
    }
    return user.id;
  }

  // Other referrers' rows, so the user's rows are found among many.
  const perOther = 20;
  for (let i = 0; i < Math.ceil(OTHERS / perOther); i++) await referrerWith(`other-${i}`, perOther);
  const subjects = new Map<number, number>();
  for (const size of SIZES) subjects.set(size, await referrerWith(`subject-${size}`, size));

  // Open every pooled connection first, so connection setup is not measured.
  await Promise.all(
    Array.from({ length: POOL_SIZE }, () => db.execute(sql`select pg_sleep(0.05)`)),
  );

  console.log(
    `listUserReferrals, ${connection.driver}, ${OTHERS} other referrals, ${ITERATIONS} calls each:`,
  );
  for (const size of SIZES) {
    const userId = subjects.get(size)!;
    const latencies: number[] = [];
    const started = performance.now();
    for (let i = 0; i < ITERATIONS; i++) {
      const t0 = performance.now();
      const listed = await listUserReferrals(db, { userId });
      latencies.push(performance.now() - t0);
      if (listed.referrals.length !== size)
        throw new Error(`expected ${size} referrals, got ${listed.referrals.length}`);
    }
    console.log(
      `  ${formatSummary(`${size} referral${size === 1 ? "" : "s"}`, summarize(latencies, performance.now() - started))}`,
    );
  }

  const inviters: number[] = [];
  for (let i = 0; i < INVITERS; i++)
    inviters.push(
      (await createUser(db, { email: `inviter-${i}@example.com`, name: `Inviter ${i}` })).id,
    );
  // Each call records the invitation alone and the invitation with its email, to show which part costs what.
  const inviteMs: number[] = [];
  const totalMs: number[] = [];
  const calls = inviters.flatMap((referrerUserId, i) =>
    Array.from({ length: PER_INVITER }, (_, j) => async () => {
      const t0 = performance.now();
      const referral = await inviteFriend(db, {
        referrerUserId,
        email: `invited-${i}-${j}@example.com`,
        name: `Invited ${j}`,
      });
      inviteMs.push(performance.now() - t0);
      const sent = await sendReferralInvitation(db, { referralId: referral.id, referrerUserId });
      if (!sent) throw new Error(`the invitation of referral ${referral.id} was not sent`);
      totalMs.push(performance.now() - t0);
    }),
  );
  const started = performance.now();
  await Promise.all(calls.map((run) => run()));
  const wallMs = performance.now() - started;
  const [mails] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(emailLog)
    .where(sql`${emailLog.status} = 'sent'`);
  if (mails?.n !== calls.length)
    throw new Error(`expected ${calls.length} sent invitations, found ${mails?.n}`);
  console.log(`Invitations, pool ${POOL_SIZE}, ${INVITERS} inviters × ${PER_INVITER} at once:`);
  console.log(`  ${formatSummary("inviteFriend", summarize(inviteMs, wallMs))}`);
  console.log(`  ${formatSummary("invite + email", summarize(totalMs, wallMs))}`);
} finally {
  await connection.close();
  await server.drop();
}
