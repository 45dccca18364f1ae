import "server-only";
import { eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import {
  contentAccess,
  subscriptionTypeContentAccess,
  subscriptionTypes,
  subscriptionTypeUpgradeSchemas,
  upgradeOptions,
} from "@/lib/db/schema";

export type DefaultsProblem = "missing" | "ambiguous";

export interface DefaultsProblemRow {
  /** Sorted content access codes. */
  contentAccess: string[];
  lengthDays: number;
  /** The active default types of this set and length: none (missing) or several (ambiguous). */
  defaultTypes: { code: string; name: string }[];
  problem: DefaultsProblem;
}

export interface DefaultsCheck {
  problems: DefaultsProblemRow[];
  okCount: number;
}

const keyOf = (contentAccess: readonly string[], lengthDays: number) =>
  `${contentAccess.join("+")}/${lengthDays}`;

/**
 * Upgrades resolve their target as the default type of a content-access set and length, so each combination in use
 * needs exactly one active default type. Checked: every set × length of an active type, and every target an option
 * without an explicit target implies for each base type linked to its schema (base content ∪ require_content minus
 * omit_content, at the base type's length; options that add nothing are skipped, as the engine skips them).
 * Two queries, whatever the catalog's size.
 */
export async function checkUpgradeDefaults(db: Db): Promise<DefaultsCheck> {
  const [types, implied] = await Promise.all([
    db
      .select({
        id: subscriptionTypes.id,
        code: subscriptionTypes.code,
        name: subscriptionTypes.name,
        lengthDays: subscriptionTypes.lengthDays,
        active: subscriptionTypes.active,
        isDefault: subscriptionTypes.isDefault,
        // Sorted by code: the sets are compared as sorted lists.
        contentAccess: sql<
          string[]
        >`coalesce(array_agg(${contentAccess.code} order by ${contentAccess.code}) filter (where ${contentAccess.code} is not null), '{}')`,
      })
      .from(subscriptionTypes)
      .leftJoin(
        subscriptionTypeContentAccess,
        eq(subscriptionTypeContentAccess.subscriptionTypeId, subscriptionTypes.id),
      )
      .leftJoin(contentAccess, eq(contentAccess.id, subscriptionTypeContentAccess.contentAccessId))
      .groupBy(subscriptionTypes.id),
    db
      .select({
        config: upgradeOptions.config,
        baseTypeId: subscriptionTypeUpgradeSchemas.subscriptionTypeId,
      })
      .from(upgradeOptions)
      .innerJoin(
        subscriptionTypeUpgradeSchemas,
        eq(subscriptionTypeUpgradeSchemas.upgradeSchemaId, upgradeOptions.upgradeSchemaId),
      )
      .where(isNull(upgradeOptions.subscriptionTypeId)),
  ]);

  const combinations = new Map<string, { contentAccess: string[]; lengthDays: number }>();
  const need = (contentAccess: Iterable<string>, lengthDays: number) => {
    const sorted = [...new Set(contentAccess)].sort();
    combinations.set(keyOf(sorted, lengthDays), { contentAccess: sorted, lengthDays });
  };
  const defaults = new Map<string, { code: string; name: string }[]>();
  const typesById = new Map(types.map((type) => [type.id, type]));
  for (const type of types) {
    if (!type.active) continue;
    need(type.contentAccess, type.lengthDays);
    if (type.isDefault) {
      const key = keyOf([...type.contentAccess].sort(), type.lengthDays);
      defaults.set(key, [...(defaults.get(key) ?? []), { code: type.code, name: type.name }]);
    }
  }
  for (const { config, baseTypeId } of implied) {
    const base = typesById.get(baseTypeId);
    if (!base) continue;
    const omitted = new Set(config.omit_content ?? []);
    if (config.require_content.every((code) => base.contentAccess.includes(code))) continue;
    need(
      [...base.contentAccess, ...config.require_content].filter((code) => !omitted.has(code)),
      base.lengthDays,
    );
  }

  const problems: DefaultsProblemRow[] = [];
  for (const [key, combination] of combinations) {
    const found = (defaults.get(key) ?? []).sort((a, b) => a.code.localeCompare(b.code));
    if (found.length === 1) continue;
    problems.push({
      ...combination,
      defaultTypes: found,
      problem: found.length === 0 ? "missing" : "ambiguous",
    });
  }
  problems.sort(
    (a, b) =>
      a.contentAccess.join("+").localeCompare(b.contentAccess.join("+")) ||
      a.lengthDays - b.lengthDays,
  );
  return { problems, okCount: combinations.size - problems.length };
}
