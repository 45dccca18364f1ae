import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  initialProgramFormValues,
  programInputFromForm,
} from "@/components/admin/referrals/program-form-values";
import { adminActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { referralPrograms, referralRewards, referrals, type ReferralStatus } from "@/lib/db/schema";
import { countReferrals } from "@/lib/referrals/admin/count-referrals";
import { listReferralPrograms } from "@/lib/referrals/admin/list-referral-programs";
import { listReferralRewards } from "@/lib/referrals/admin/list-referral-rewards";
import { listReferrals } from "@/lib/referrals/admin/list-referrals";
import { programFieldErrors } from "@/lib/referrals/admin/program-field-errors";
import { programFormRegistries } from "@/lib/referrals/admin/program-form-entries";
import {
  createReferralProgram,
  deleteReferralProgram,
  updateReferralProgram,
} from "@/lib/referrals/admin/save-program";
import { programInputSchema, type ProgramInputRaw } from "@/lib/referrals/schemas";
import { recordRefund } from "@/lib/payments/record-refund";
import { approveReferral, rejectReferral, retryReferral } from "@/lib/referrals/review-referral";
import { openTestDatabase } from "../../support/test-database";
import { makeUser, payFor, seedReferralCatalog, uniqueEmail } from "./referral-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedReferralCatalog(db());
});
afterAll(() => database.close());

const programInput = (extra: Partial<ProgramInputRaw> = {}): ProgramInputRaw => ({
  name: `Program ${randomUUID().slice(0, 8)}`,
  triggers: [{ type: "sign_up", options: {} }],
  reward: { type: "free_days", options: { days: 30, subscription_type_code: "web_monthly" } },
  ...extra,
});

const defaults = async () =>
  (
    await db()
      .select({ id: referralPrograms.id })
      .from(referralPrograms)
      .where(eq(referralPrograms.isDefault, true))
  ).map((row) => row.id);

/** A referral row as the core would leave it, for the lists and the review actions. */
async function insertReferral(options: {
  programId: number;
  referrerUserId: number;
  referredEmail?: string;
  referredUserId?: number;
  status?: ReferralStatus;
  review?: "flagged" | "approved" | "rejected";
  flags?: string[];
  errorReason?: string;
  triggeredAt?: Date;
  /** The friend's payment that fired it (the trigger is then `first_payment`). */
  triggerPaymentId?: number;
}) {
  const [row] = await db()
    .insert(referrals)
    .values({
      programId: options.programId,
      referrerUserId: options.referrerUserId,
      referredEmail: options.referredEmail ?? uniqueEmail("friend"),
      referredUserId: options.referredUserId,
      source: "invitation",
      status: options.status ?? "pending",
      review: options.review,
      flags: options.flags ?? [],
      errorReason: options.errorReason,
      trigger: options.triggerPaymentId
        ? "first_payment"
        : options.triggeredAt
          ? "sign_up"
          : undefined,
      triggeredAt: options.triggeredAt,
      triggerPaymentId: options.triggerPaymentId,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

describe("saving referral programs", () => {
  it("creates a program with its registry choices, cap and window, and edits it", async () => {
    const input = programInput({
      active: true,
      triggers: [{ type: "first_payment", options: {} }],
      constraints: [
        { type: "timeout_days", options: { days: 60 } },
        { type: "minimum_payment_cents", options: { amount_cents: 500 } },
      ],
      reward: { type: "free_days", options: { days: 14, subscription_type_code: " web_yearly " } },
      friend_reward: {
        type: "discount",
        options: { kind: "percent", percent_off: 20, valid_days: 30 },
      },
      max_rewards_per_referrer: 5,
      review_window_days: 7,
    });
    const created = await createReferralProgram(db(), input);
    expect(created).toMatchObject({
      name: input.name,
      active: true,
      isDefault: false,
      triggers: [{ type: "first_payment", options: {} }],
      constraints: [
        { type: "timeout_days", options: { days: 60 } },
        { type: "minimum_payment_cents", options: { amount_cents: 500 } },
      ],
      // Options come back as the entry's schema parsed them (the code trimmed).
      reward: { type: "free_days", options: { days: 14, subscription_type_code: "web_yearly" } },
      friendReward: {
        type: "discount",
        options: { kind: "percent", percent_off: 20, valid_days: 30 },
      },
      maxRewardsPerReferrer: 5,
      reviewWindowDays: 7,
    });

    const edited = await updateReferralProgram(
      db(),
      created.id,
      programInput({ name: input.name, reward: { type: "no_reward", options: {} } }),
    );
    expect(edited).toMatchObject({
      id: created.id,
      triggers: [{ type: "sign_up", options: {} }],
      constraints: [],
      reward: { type: "no_reward", options: {} },
      friendReward: null,
      maxRewardsPerReferrer: null,
      reviewWindowDays: 30,
    });
    expect(edited.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
  });

  it("keeps one default: making a program the default un-defaults the other, on create and on edit", async () => {
    const first = await createReferralProgram(db(), programInput({ is_default: true }));
    expect(await defaults()).toEqual([first.id]);
    const second = await createReferralProgram(db(), programInput({ is_default: true }));
    expect(await defaults()).toEqual([second.id]);
    const third = await createReferralProgram(db(), programInput());
    expect(await defaults()).toEqual([second.id]);

    const firstAgain = await updateReferralProgram(
      db(),
      first.id,
      programInput({ name: first.name, is_default: true }),
    );
    expect(firstAgain.isDefault).toBe(true);
    expect(await defaults()).toEqual([first.id]);
    // Saving the default as the default again keeps it.
    await updateReferralProgram(
      db(),
      first.id,
      programInput({ name: first.name, is_default: true }),
    );
    expect(await defaults()).toEqual([first.id]);

    const listed = await listReferralPrograms(db());
    expect(listed[0]?.id).toBe(first.id);
    expect(listed.map((row) => row.id)).toEqual(expect.arrayContaining([second.id, third.id]));
  });

  it("keeps one default when several programs are made the default at once", async () => {
    const saved = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        createReferralProgram(db(), programInput({ is_default: true })),
      ),
    );
    expect(saved.map((result) => result.status)).toEqual(Array(6).fill("fulfilled"));
    const ids = saved.map((result) => (result.status === "fulfilled" ? result.value.id : 0));
    const current = await defaults();
    expect(current).toHaveLength(1);
    expect(ids).toContain(current[0]);
  });

  it("refuses a taken name (409 program_name_taken) on create and on edit, changing nothing", async () => {
    const taken = await createReferralProgram(db(), programInput());
    const other = await createReferralProgram(db(), programInput({ is_default: true }));
    await expect(
      createReferralProgram(db(), programInput({ name: taken.name, is_default: true })),
    ).rejects.toMatchObject({
      code: "program_name_taken",
      status: 409,
    });
    // The failed default switch was rolled back with the insert.
    expect(await defaults()).toEqual([other.id]);
    await expect(
      updateReferralProgram(db(), other.id, programInput({ name: taken.name })),
    ).rejects.toMatchObject({ code: "program_name_taken" });
    const [still] = await db()
      .select()
      .from(referralPrograms)
      .where(eq(referralPrograms.id, other.id));
    expect(still).toMatchObject({ name: other.name, isDefault: true });
  });

  it("refuses an unknown id (404) and a free_days type code that does not exist (400, naming the field)", async () => {
    await expect(updateReferralProgram(db(), 999_999, programInput())).rejects.toMatchObject({
      code: "referral_program_not_found",
      status: 404,
    });
    const before = (await listReferralPrograms(db())).length;
    await expect(
      createReferralProgram(
        db(),
        programInput({
          friend_reward: {
            type: "free_days",
            options: { days: 7, subscription_type_code: "nope" },
          },
        }),
      ),
    ).rejects.toMatchObject({
      code: "subscription_type_not_found",
      status: 400,
      details: { field: "friend_reward.options.subscription_type_code" },
    });
    expect((await listReferralPrograms(db())).length).toBe(before);
  });

  it("validates with the registries; the form's field errors name the entry, not its position", async () => {
    const refused: [Partial<ProgramInputRaw>, string][] = [
      [{ name: " " }, "name"],
      [{ triggers: [] }, "triggers"],
      [
        {
          triggers: [
            { type: "sign_up", options: {} },
            { type: "sign_up", options: {} },
          ],
        },
        "triggers",
      ],
      [{ triggers: [{ type: "fires_never", options: {} }] }, "triggers.fires_never.type"],
      // A minimum payment needs the payment trigger.
      [
        { constraints: [{ type: "minimum_payment_cents", options: { amount_cents: 500 } }] },
        "constraints",
      ],
      [
        { constraints: [{ type: "timeout_days", options: { days: 0 } }] },
        "constraints.timeout_days.options.days",
      ],
      [
        { constraints: [{ type: "timeout_days", options: {} }] },
        "constraints.timeout_days.options.days",
      ],
      [
        { reward: { type: "discount", options: { kind: "percent" } } },
        "reward.options.percent_off",
      ],
      [{ reward: { type: "cash", options: {} } }, "reward.type"],
      [
        { friend_reward: { type: "discount", options: { kind: "fixed" } } },
        "friend_reward.options.amount_off_cents",
      ],
      [{ max_rewards_per_referrer: 0 }, "max_rewards_per_referrer"],
      [{ review_window_days: -1 }, "review_window_days"],
      [{ is_default: true, active: false }, "is_default"],
    ];
    const before = (await listReferralPrograms(db())).length;
    for (const [change, key] of refused) {
      const raw = programInput(change);
      const parsed = programInputSchema.safeParse(raw);
      expect(parsed.success, JSON.stringify(change)).toBe(false);
      expect(
        Object.keys(programFieldErrors(raw, parsed.error?.issues ?? [])),
        JSON.stringify(change),
      ).toContain(key);
      await expect(createReferralProgram(db(), raw), JSON.stringify(change)).rejects.toMatchObject({
        name: "ZodError",
      });
    }
    expect((await listReferralPrograms(db())).length).toBe(before);
  });
});

describe("the program form's values", () => {
  const registries = programFormRegistries();

  it("gives every registry entry a plain JSON Schema of its options", () => {
    const days = registries.constraints.find((entry) => entry.type === "timeout_days");
    expect(days?.schema).toMatchObject({
      type: "object",
      properties: { days: { type: "integer" } },
      required: ["days"],
    });
    const discount = registries.rewards.find((entry) => entry.type === "discount");
    expect(discount?.schema).toMatchObject({
      properties: { kind: { enum: ["percent", "fixed"] } },
    });
    expect(Object.getPrototypeOf(days?.schema)).toBe(Object.prototype);
  });

  it("turns a saved program into form values and back into the same input", () => {
    const program = programInputSchema.parse(
      programInput({
        is_default: true,
        triggers: [{ type: "first_payment", options: {} }],
        constraints: [{ type: "minimum_payment_cents", options: { amount_cents: 990 } }],
        reward: { type: "free_days", options: { days: 30 } },
        friend_reward: { type: "discount", options: { kind: "fixed", amount_off_cents: 300 } },
        max_rewards_per_referrer: 3,
        review_window_days: 0,
      }),
    );
    const values = initialProgramFormValues(registries, program);
    expect(values).toMatchObject({
      triggers: { sign_up: false, first_payment: true },
      constraints: { timeout_days: false, minimum_payment_cents: true },
    });
    expect(values.constraintOptions.minimum_payment_cents).toEqual({ amount_cents: "990" });
    expect(programInputSchema.parse(programInputFromForm(registries, values))).toEqual(program);
  });

  it("sends typed text that is not a number as typed, so the field gets the schema's message", () => {
    const values = initialProgramFormValues(registries);
    expect(values).toMatchObject({
      triggers: { sign_up: true },
      rewardType: "free_days",
      friendRewardType: "",
      reviewWindowDays: "30",
      cap: "",
    });
    values.name = "Typed";
    values.rewardOptions.free_days = { days: "ten", subscription_type_code: "" };
    values.constraints.timeout_days = true;
    values.cap = "2";
    const raw = programInputFromForm(registries, values);
    expect(raw).toMatchObject({
      reward: { type: "free_days", options: { days: "ten" } },
      constraints: [{ type: "timeout_days", options: {} }],
      max_rewards_per_referrer: 2,
      friend_reward: null,
    });
    const parsed = programInputSchema.safeParse(raw);
    const errors = programFieldErrors(raw, parsed.error?.issues ?? []);
    expect(errors["reward.options.days"]).toEqual(["Enter a number of days."]);
    expect(errors["constraints.timeout_days.options.days"]).toEqual(["Enter a number of days."]);
  });
});

describe("deleting referral programs", () => {
  it("deletes a program no referral belongs to and refuses one in use (409 program_in_use)", async () => {
    const unused = await createReferralProgram(db(), programInput());
    expect((await deleteReferralProgram(db(), unused.id)).id).toBe(unused.id);
    expect(
      await db().select().from(referralPrograms).where(eq(referralPrograms.id, unused.id)),
    ).toEqual([]);
    await expect(deleteReferralProgram(db(), unused.id)).rejects.toMatchObject({
      code: "referral_program_not_found",
      status: 404,
    });

    const used = await createReferralProgram(db(), programInput());
    const referrer = await makeUser(db());
    await insertReferral({ programId: used.id, referrerUserId: referrer.id, status: "expired" });
    await expect(deleteReferralProgram(db(), used.id)).rejects.toMatchObject({
      code: "program_in_use",
      status: 409,
    });
    expect(
      await db().select().from(referralPrograms).where(eq(referralPrograms.id, used.id)),
    ).toHaveLength(1);
  });
});

describe("the admin's referral lists", () => {
  it("filters by status, program, flagged and email, pages, and joins the people and program", async () => {
    const program = await createReferralProgram(db(), programInput());
    const other = await createReferralProgram(db(), programInput());
    const tag = randomUUID().slice(0, 8);
    const referrer = await makeUser(db(), `lister-${tag}@example.test`);
    const friend = await makeUser(db(), `joined-${tag}@example.test`);
    const complete = await insertReferral({
      programId: program.id,
      referrerUserId: referrer.id,
      referredEmail: friend.email,
      referredUserId: friend.id,
      status: "complete",
    });
    const flagged = await insertReferral({
      programId: program.id,
      referrerUserId: referrer.id,
      referredEmail: `alias+${tag}@example.test`,
      review: "flagged",
      flags: ["email_alias", "same_ip"],
    });
    const failed = await insertReferral({
      programId: other.id,
      referrerUserId: referrer.id,
      status: "error",
      errorReason: "No type to grant.",
    });

    const all = await listReferrals(db(), { referrerUserId: referrer.id, limit: 10, offset: 0 });
    expect(all.total).toBe(3);
    expect(all.rows.map((row) => row.id)).toEqual([failed.id, flagged.id, complete.id]);
    expect(all.rows[2]).toMatchObject({
      referrerEmail: referrer.email,
      friendEmail: friend.email,
      programName: program.name,
      status: "complete",
    });
    expect(all.rows[0]).toMatchObject({
      friendEmail: null,
      status: "error",
      errorReason: "No type to grant.",
      programId: other.id,
    });

    const ids = async (options: Parameters<typeof listReferrals>[1]) =>
      (await listReferrals(db(), options)).rows.map((row) => row.id);
    expect(
      await ids({ referrerUserId: referrer.id, status: "complete", limit: 10, offset: 0 }),
    ).toEqual([complete.id]);
    expect(await ids({ programId: other.id, limit: 10, offset: 0 })).toEqual([failed.id]);
    expect(
      await ids({ referrerUserId: referrer.id, flaggedOnly: true, limit: 10, offset: 0 }),
    ).toEqual([flagged.id]);
    const [flaggedRow] = (
      await listReferrals(db(), { flaggedOnly: true, email: `alias+${tag}`, limit: 10, offset: 0 })
    ).rows;
    expect(flaggedRow).toMatchObject({
      id: flagged.id,
      review: "flagged",
      flags: ["email_alias", "same_ip"],
    });
    // Email search: the referrer's address, the invited address, the friend's account; `_` and `%` are literal.
    expect(await ids({ email: `LISTER-${tag}`, limit: 10, offset: 0 })).toHaveLength(3);
    expect(await ids({ email: `joined-${tag}`, limit: 10, offset: 0 })).toEqual([complete.id]);
    expect(await ids({ email: "%", limit: 10, offset: 0 })).toEqual([]);
    expect(await ids({ referredUserId: friend.id, limit: 10, offset: 0 })).toEqual([complete.id]);

    const page2 = await listReferrals(db(), { referrerUserId: referrer.id, limit: 2, offset: 2 });
    expect(page2).toMatchObject({ total: 3, rows: [{ id: complete.id }] });

    const [programRow] = (await listReferralPrograms(db())).filter((row) => row.id === program.id);
    expect(programRow).toMatchObject({ referralCount: 2, pendingCount: 1, completeCount: 1 });
    const counts = await countReferrals(db());
    expect(counts.flagged).toBeGreaterThanOrEqual(1);
    expect(counts.error).toBeGreaterThanOrEqual(1);
  });
});

describe("reviewing referrals", () => {
  it("a referral fired by a payment refunded since: approving completes nothing, retrying is refused (409)", async () => {
    const program = await createReferralProgram(db(), programInput());
    const admin = await makeUser(db());
    const referrer = await makeUser(db());
    const refundedReferral = async (status: ReferralStatus, review?: "flagged") => {
      const friend = await makeUser(db());
      const { payment } = await payFor(db(), friend.id, "web_monthly");
      await recordRefund(db(), { paymentId: payment.id });
      return insertReferral({
        programId: program.id,
        referrerUserId: referrer.id,
        referredEmail: friend.email,
        referredUserId: friend.id,
        status,
        review,
        flags: review ? ["same_ip"] : [],
        errorReason: status === "error" ? "No subscription type to grant." : undefined,
        triggeredAt: now(),
        triggerPaymentId: payment.id,
      });
    };
    const flagged = await refundedReferral("pending", "flagged");
    expect(
      await approveReferral(db(), { referralId: flagged.id, actor: adminActor(admin.id) }),
    ).toMatchObject({ status: "pending", review: "approved" });
    const failed = await refundedReferral("error");
    await expect(retryReferral(db(), { referralId: failed.id })).rejects.toMatchObject({
      code: "referral_payment_refunded",
      status: 409,
    });
    for (const referral of [flagged, failed])
      expect(
        await db()
          .select()
          .from(referralRewards)
          .where(eq(referralRewards.referralId, referral.id)),
      ).toEqual([]);
  });

  it("approves and rejects flagged referrals and retries a failed one, which then lists its reward", async () => {
    const program = await createReferralProgram(db(), programInput());
    const admin = await makeUser(db());
    const referrer = await makeUser(db());
    const toReject = await insertReferral({
      programId: program.id,
      referrerUserId: referrer.id,
      review: "flagged",
      flags: ["same_browser"],
    });
    const toApprove = await insertReferral({
      programId: program.id,
      referrerUserId: referrer.id,
      review: "flagged",
      flags: ["same_ip"],
    });

    expect(
      await rejectReferral(db(), { referralId: toReject.id, actor: adminActor(admin.id) }),
    ).toMatchObject({ status: "rejected", review: "rejected" });
    // Not triggered yet: approved, it waits for its trigger.
    expect(
      await approveReferral(db(), { referralId: toApprove.id, actor: adminActor(admin.id) }),
    ).toMatchObject({ status: "pending", review: "approved" });
    await expect(
      approveReferral(db(), { referralId: toReject.id, actor: adminActor(admin.id) }),
    ).rejects.toMatchObject({ code: "referral_not_flagged", status: 409 });
    expect(
      await listReferrals(db(), {
        referrerUserId: referrer.id,
        flaggedOnly: true,
        limit: 10,
        offset: 0,
      }),
    ).toMatchObject({ total: 0 });

    const friend = await makeUser(db());
    const failed = await insertReferral({
      programId: program.id,
      referrerUserId: referrer.id,
      referredEmail: friend.email,
      referredUserId: friend.id,
      status: "error",
      errorReason: "No subscription type to grant.",
      triggeredAt: now(),
    });
    await expect(retryReferral(db(), { referralId: toApprove.id })).rejects.toMatchObject({
      code: "referral_not_failed",
    });
    expect(await retryReferral(db(), { referralId: failed.id })).toMatchObject({
      status: "complete",
      errorReason: null,
    });
    const rewards = await listReferralRewards(db(), { userId: referrer.id, limit: 10, offset: 0 });
    expect(rewards.total).toBe(1);
    expect(rewards.rows[0]).toMatchObject({
      referralId: failed.id,
      role: "referrer",
      rewardType: "free_days",
      userEmail: referrer.email,
      programName: program.name,
    });
    expect(
      await db().select().from(referralRewards).where(eq(referralRewards.referralId, failed.id)),
    ).toHaveLength(1);
  });
});
