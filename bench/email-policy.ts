/**
 * `npm run bench:email-policy` (needs DATABASE_URL, a Postgres server): what the delivery policy (consent,
 * suppression, frequency cap, quiet hours — lib/email/consent) costs per email sent, on a fresh database of its own.
 *
 * Sends the same template email to each of --users users twice: once under the transactional account topic (no
 * policy check) and once under a marketing topic with a frequency cap and quiet hours configured (some users have left
 * the topic, some addresses are suppressed, so every branch runs). Prints the SQL statements per email (every
 * statement the pg driver sends, BEGIN and COMMIT included) and the latency of each kind, side by side.
 */
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { connect } from "@/lib/db/connect";
import { migrateDatabase } from "@/lib/db/migrate";
import { emailSuppressions, emailTopics, userEmailPreferences } from "@/lib/db/schema";
import { saveEmailTemplate } from "@/lib/email/save-email-template";
import { sendTemplateEmail } from "@/lib/email/send-template-email";
import { setSetting } from "@/lib/settings";
import { createUser } from "@/lib/users/create-user";
import { benchServer } from "./support/bench-database";
import { formatSummary, summarize } from "./support/latency";
import { countStatements } from "./support/statement-count";

const { values } = parseArgs({ options: { users: { type: "string", default: "500" } } });
const USERS = Number(values.users);

const statements = countStatements();

const server = benchServer();
await server.create();
const connection = await connect(server.url, { poolSize: 4 });
try {
  await migrateDatabase(connection);
  const db = connection.db;
  const body = {
    subject: "Hello {{user.name}}",
    bodyHtml: "<p>Hi {{user.name}}</p>",
    bodyText: "Hi",
  };
  await saveEmailTemplate(db, { code: "receipt_like", name: "Account", topic: "account", ...body });
  await saveEmailTemplate(db, { code: "offer", name: "Offer", topic: "news", ...body });
  await setSetting(db, "email.delivery", {
    frequency_cap: { per_day: 20, per_week: 50 },
    quiet_hours: { start: "23:59", end: "00:00" },
  });
  const [news] = await db.select().from(emailTopics).where(eq(emailTopics.code, "news"));
  const users: Awaited<ReturnType<typeof createUser>>[] = [];
  for (let i = 0; i < USERS; i += 1) {
    users.push(await createUser(db, { email: `policy-${i}@example.com`, name: `User ${i}` }));
  }
  // Every tenth user left the topic, every tenth other address bounced: those emails are skipped, not sent.
  await db
    .insert(userEmailPreferences)
    .values(
      users
        .filter((_, i) => i % 10 === 3)
        .map((user) => ({ userId: user.id, topicId: news!.id, subscribed: false, source: "api" })),
    );
  await db
    .insert(emailSuppressions)
    .values(
      users
        .filter((_, i) => i % 10 === 7)
        .map((user) => ({ address: user.email, reason: "manual" })),
    );

  async function sendAll(templateCode: string) {
    const latencies: number[] = [];
    const outcomes = new Map<string, number>();
    const before = statements();
    const started = performance.now();
    for (const user of users) {
      const t0 = performance.now();
      const { entry } = await sendTemplateEmail(db, {
        templateCode,
        userId: user.id,
        idempotencyKey: `${templateCode}:${user.id}`,
      });
      latencies.push(performance.now() - t0);
      const key = entry.skipReason ? `skipped (${entry.skipReason})` : entry.status;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
    const wallMs = performance.now() - started;
    return {
      summary: summarize(latencies, wallMs),
      perEmail: (statements() - before) / users.length,
      outcomes,
    };
  }

  // A warm-up round of each, so both kinds run with warm caches.
  const transactional = await sendAll("receipt_like");
  const marketing = await sendAll("offer");
  console.log(`email policy: ${USERS} users, Postgres, mailbox transport`);
  for (const [label, run] of [
    ["transactional", transactional],
    ["marketing + policy", marketing],
  ] as const) {
    console.log(
      `${formatSummary(label, run.summary)}  ${run.perEmail.toFixed(2)} statements/email  ${[
        ...run.outcomes,
      ]
        .map(([k, n]) => `${k}: ${n}`)
        .join(", ")}`,
    );
  }
  console.log(
    `extra statements per marketing email: ${(marketing.perEmail - transactional.perEmail).toFixed(2)}`,
  );
} finally {
  await connection.close();
  await server.drop();
}
