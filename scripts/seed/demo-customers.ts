import { eq, sql } from "drizzle-orm";
import { customerActor, SYSTEM_ACTOR } from "@/lib/auth/actor";
import { addDays, freezeClock, resetClock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { recurrentPayments, subscriptions, users, type User, type UserRole } from "@/lib/db/schema";
import { DEMO_CARD, DEMO_CARD_TOKENS } from "@/lib/payments/gateways/demo";
import { createPayment } from "@/lib/payments/create-payment";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { chargeRecurrentPayment } from "@/lib/recurrent-payments/charge-recurrent-payment";
import { stopRecurrentPayment } from "@/lib/recurrent-payments/stop-recurrent-payment";
import { activateFamilyRequest } from "@/lib/family/activate-family-request";
import { generateFamilyRequests } from "@/lib/family/generate-family-requests";
import { createUser } from "@/lib/users/create-user";

/** Moves the (frozen) clock to N days before the seed started, so each story happens when it says it does. */
type TravelTo = (daysAgo: number) => void;

interface DemoAccount {
  email: string;
  password: string;
  name: string;
  role: UserRole;
  /** Days before today that the account was created (and its story starts). */
  joinedDaysAgo: number;
  story?: (db: Db, user: User, travelTo: TravelTo) => Promise<void>;
}

/** Pay for one subscription type at the travelled-to time; a card token also sets up its recurrent payment. */
async function buy(db: Db, user: User, code: string, options: { cardToken?: string } = {}) {
  const { payment } = await createPayment(db, {
    userId: user.id,
    items: [{ subscriptionTypeCode: code }],
    gateway: options.cardToken ? "demo" : "manual",
    recurrentCardToken: options.cardToken ?? null,
    // What the demo gateway says its test card looks like, shown on the customer's billing page.
    meta: options.cardToken ? { card: DEMO_CARD } : {},
  });
  await markPaymentPaid(db, { paymentId: payment.id, actor: SYSTEM_ACTOR });
  return payment.id;
}

/** The recurrent payment that paying by card set up (markPaymentPaid creates it). */
async function recurrentPaymentOf(db: Db, parentPaymentId: number) {
  const [recurrent] = await db
    .select()
    .from(recurrentPayments)
    .where(eq(recurrentPayments.parentPaymentId, parentPaymentId));
  if (!recurrent) throw new Error(`payment ${parentPaymentId} set up no recurrent payment`);
  return recurrent;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  // One account per staff role (lib/auth/permissions.ts); admin@ is the owner, as the first admin always was.
  {
    email: "admin@subflow.test",
    password: "admin1234",
    name: "Ada Admin",
    role: "owner",
    joinedDaysAgo: 120,
  },
  {
    email: "ops@subflow.test",
    password: "ops12345",
    name: "Oskar Ops",
    role: "admin",
    joinedDaysAgo: 110,
  },
  {
    email: "marketer@subflow.test",
    password: "marketer1234",
    name: "Mia Marketer",
    role: "marketer",
    joinedDaysAgo: 100,
  },
  {
    email: "support@subflow.test",
    password: "support1234",
    name: "Sam Support",
    role: "support",
    joinedDaysAgo: 100,
  },
  {
    email: "viewer@subflow.test",
    password: "viewer1234",
    name: "Vera Viewer",
    role: "viewer",
    joinedDaysAgo: 90,
  },
  {
    // An introductory month paid by card, renewed into the regular monthly; the next renewal is pending.
    email: "jane@subflow.test",
    password: "jane1234",
    name: "Jane Novak",
    role: "customer",
    joinedDaysAgo: 40,
    async story(db, user, travelTo) {
      const recurrent = await recurrentPaymentOf(
        db,
        await buy(db, user, "web_monthly_intro", { cardToken: DEMO_CARD_TOKENS.succeeds }),
      );
      travelTo(9);
      await chargeRecurrentPayment(db, { recurrentPaymentId: recurrent.id });
    },
  },
  {
    // A yearly print + web subscription paid by bank transfer: no recurrent payment.
    email: "john@subflow.test",
    password: "john1234",
    name: "John Smith",
    role: "customer",
    joinedDaysAgo: 100,
    async story(db, user) {
      await buy(db, user, "web_print_yearly");
    },
  },
  {
    // Club monthly by card; she stopped the renewal herself, so the subscription runs out at its end.
    email: "emma@subflow.test",
    password: "emma1234",
    name: "Emma Horvat",
    role: "customer",
    joinedDaysAgo: 12,
    async story(db, user, travelTo) {
      const recurrent = await recurrentPaymentOf(
        db,
        await buy(db, user, "club_monthly", { cardToken: DEMO_CARD_TOKENS.succeeds }),
      );
      travelTo(3);
      await stopRecurrentPayment(db, {
        recurrentPaymentId: recurrent.id,
        actor: customerActor(user.id),
      });
    },
  },
  {
    // Web monthly that ended: the renewal was declined, which stopped the recurrent payment (charge_failed).
    email: "petra@subflow.test",
    password: "petra1234",
    name: "Petra Kovac",
    role: "customer",
    joinedDaysAgo: 75,
    async story(db, user, travelTo) {
      const recurrent = await recurrentPaymentOf(
        db,
        await buy(db, user, "web_monthly", { cardToken: DEMO_CARD_TOKENS.declined }),
      );
      travelTo(75 - 31);
      await chargeRecurrentPayment(db, { recurrentPaymentId: recurrent.id, maxFailedCharges: 1 });
    },
  },
  {
    // A family web yearly with three codes: Emma activated one (web for her, on Mary's dates), two are free.
    email: "mary@subflow.test",
    password: "mary1234",
    name: "Mary Family",
    role: "customer",
    joinedDaysAgo: 20,
    async story(db, user, travelTo) {
      const paymentId = await buy(db, user, "family_web_yearly");
      const [subscription] = await db
        .select({ id: subscriptions.id })
        .from(subscriptions)
        .where(eq(subscriptions.paymentId, paymentId));
      if (!subscription) throw new Error("the family payment created no subscription");
      const [first] = await generateFamilyRequests(db, { subscriptionId: subscription.id });
      const [emma] = await db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, "emma@subflow.test"));
      if (!first || !emma) return;
      travelTo(15);
      await activateFamilyRequest(db, { code: first.code, actor: customerActor(emma.id) });
    },
  },
];

/**
 * Create each demo account that does not exist yet (by email) and play its story through the domain services, in
 * one transaction per account, so events and invariants are what real use produces and a rerun changes nothing.
 */
export async function seedDemoAccounts(db: Db, today: Date): Promise<string[]> {
  const created: string[] = [];
  const travelTo: TravelTo = (daysAgo) => freezeClock(addDays(today, -daysAgo));
  try {
    for (const account of DEMO_ACCOUNTS) {
      const [existing] = await db
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, account.email));
      if (existing) continue;
      await db.transaction(async (tx) => {
        travelTo(account.joinedDaysAgo);
        const user = await createUser(tx, {
          email: account.email,
          password: account.password,
          name: account.name,
          role: account.role,
          confirmed: true,
          source: "seed",
        });
        await account.story?.(tx, user, travelTo);
      });
      created.push(`${account.role} ${account.email}`);
    }
  } finally {
    resetClock();
  }
  return created;
}
