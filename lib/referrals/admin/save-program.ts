import "server-only";
import { and, count, eq, ne, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import {
  referralPrograms,
  referrals,
  subscriptionTypes,
  type ReferralProgram,
} from "@/lib/db/schema";
import { conflict, invalid, isUniqueViolation, notFound } from "@/lib/errors";
import {
  programColumns,
  programInputSchema,
  type ProgramInput,
  type ProgramInputRaw,
} from "../schemas";

/** Program saves and deletes take turns: "make this one the default" un-defaults the others in the same step. */
async function lockProgramCatalog(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('subflow.referral_programs'))`);
}

/**
 * A free_days reward may name the type to grant when nothing runs; an unknown code would only fail at grant time,
 * turning every referral of the program into `error`, so it is refused on save (400, with the field in details).
 */
async function checkRewardTypeCodes(db: Db, input: ProgramInput): Promise<void> {
  const rewards = [
    { field: "reward", choice: input.reward },
    { field: "friend_reward", choice: input.friend_reward },
  ];
  for (const { field, choice } of rewards) {
    const code = choice?.type === "free_days" ? choice.options.subscription_type_code : undefined;
    if (typeof code !== "string" || code === "") continue;
    const [type] = await db
      .select({ id: subscriptionTypes.id })
      .from(subscriptionTypes)
      .where(eq(subscriptionTypes.code, code))
      .limit(1);
    if (!type) {
      throw invalid("subscription_type_not_found", `No subscription type with code "${code}".`, {
        field: `${field}.options.subscription_type_code`,
      });
    }
  }
}

async function save(
  db: Db,
  id: number | undefined,
  raw: ProgramInputRaw,
): Promise<ReferralProgram> {
  const input = programInputSchema.parse(raw);
  try {
    return await db.transaction(async (tx) => {
      await lockProgramCatalog(tx);
      await checkRewardTypeCodes(tx, input);
      if (input.is_default) {
        const others =
          id === undefined
            ? eq(referralPrograms.isDefault, true)
            : and(eq(referralPrograms.isDefault, true), ne(referralPrograms.id, id));
        await tx.update(referralPrograms).set({ isDefault: false, updatedAt: now() }).where(others);
      }
      const [saved] =
        id === undefined
          ? await tx
              .insert(referralPrograms)
              .values({ ...programColumns(input), createdAt: now(), updatedAt: now() })
              .returning()
          : await tx
              .update(referralPrograms)
              .set({ ...programColumns(input), updatedAt: now() })
              .where(eq(referralPrograms.id, id))
              .returning();
      if (!saved) throw notFound("referral_program_not_found", "No such referral program.");
      return saved;
    });
  } catch (error) {
    if (isUniqueViolation(error, "referral_programs_name_unique")) {
      throw conflict("program_name_taken", `A referral program named "${input.name}" exists.`);
    }
    throw error;
  }
}

/**
 * Create a referral program from the admin form's or the API's input (validated by `programInputSchema`). Making it
 * the default un-defaults the current one in the same transaction. A taken name is `program_name_taken` (409).
 */
export function createReferralProgram(db: Db, input: ProgramInputRaw): Promise<ReferralProgram> {
  return save(db, undefined, input);
}

/**
 * Replace a program's settings. Pending referrals keep pointing at it, so they complete under the new settings.
 * Unknown id: `referral_program_not_found` (404).
 */
export function updateReferralProgram(
  db: Db,
  id: number,
  input: ProgramInputRaw,
): Promise<ReferralProgram> {
  return save(db, id, input);
}

/**
 * Delete a program no referral belongs to; referrals keep their program for completion and history, so a program in
 * use is refused (`program_in_use`, 409) — deactivate it instead.
 */
export async function deleteReferralProgram(db: Db, id: number): Promise<ReferralProgram> {
  return db.transaction(async (tx) => {
    await lockProgramCatalog(tx);
    const [program] = await tx
      .select()
      .from(referralPrograms)
      .where(eq(referralPrograms.id, id))
      .for("update");
    if (!program) throw notFound("referral_program_not_found", "No such referral program.");
    // The row lock blocks a referral joining the program meanwhile (its foreign key check takes a share lock on it).
    const [used] = await tx
      .select({ n: count() })
      .from(referrals)
      .where(eq(referrals.programId, id));
    const n = used?.n ?? 0;
    if (n > 0) {
      throw conflict(
        "program_in_use",
        `${n} referral${n === 1 ? " belongs" : "s belong"} to "${program.name}"; deactivate it instead of deleting it.`,
      );
    }
    await tx.delete(referralPrograms).where(eq(referralPrograms.id, id));
    return program;
  });
}
