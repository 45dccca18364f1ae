import "server-only";
import { and, desc, eq, gt, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { payments, subscriptions, subscriptionTypes, upgradeOptions } from "@/lib/db/schema";
import { contentAccessCodesOf } from "@/lib/subscriptions/content-access-codes-sql";
import type { NoUpgradeReason } from "./offer-types";
import { upgradeOptionConfigSchema } from "./option-config";
import type { CatalogType, ContextOption, OfferContext } from "./select-offers";

export type LoadedUpgradeContext =
  { context: OfferContext; reason: null } | { context: null; reason: NoUpgradeReason };

/**
 * Everything the offers of one user depend on, in three queries whatever the number of options: the user's actual
 * subscriptions (with type, content, payment, paid amount, recurrent payment and linked schemas), the options of the
 * chosen base's schemas, and the catalog of possible targets.
 *
 * The base is the actual subscription, latest-ending first, that was paid, is not itself an upgrade and whose type is
 * linked to an upgrade schema. `reason` says which of those steps found nothing.
 */
export async function loadUpgradeContext(
  db: Db,
  options: { userId: number; now: Date },
): Promise<LoadedUpgradeContext> {
  const at = options.now;
  const candidates = await db
    .select({
      id: subscriptions.id,
      kind: subscriptions.kind,
      startAt: subscriptions.startAt,
      endAt: subscriptions.endAt,
      paymentId: subscriptions.paymentId,
      typeId: subscriptionTypes.id,
      typeCode: subscriptionTypes.code,
      typeName: subscriptionTypes.name,
      typePriceCents: subscriptionTypes.priceCents,
      typeLengthDays: subscriptionTypes.lengthDays,
      contentAccess: contentAccessCodesOf(subscriptionTypes.id),
      paymentStatus: payments.status,
      paymentAmountCents: payments.amountCents,
      itemsCents: sql<
        string | null
      >`(select sum(pi.amount_cents::bigint * pi.count) from payment_items pi
        where pi.payment_id = ${payments.id} and pi.type = 'subscription_type')`,
      schemaIds: sql<
        number[]
      >`coalesce((select array_agg(l.upgrade_schema_id order by l.upgrade_schema_id)
        from subscription_type_upgrade_schemas l where l.subscription_type_id = ${subscriptionTypes.id}), '{}')`,
      recurrent: sql<{
        id: number;
        expires_at: string | null;
      } | null>`(select json_build_object('id', rp.id,
        'expires_at', rp.expires_at) from recurrent_payments rp where rp.parent_payment_id = ${payments.id}
        and rp.state = 'active' and rp.subscription_type_id = ${subscriptionTypes.id} order by rp.id limit 1)`,
    })
    .from(subscriptions)
    .innerJoin(subscriptionTypes, eq(subscriptionTypes.id, subscriptions.subscriptionTypeId))
    .leftJoin(payments, eq(payments.id, subscriptions.paymentId))
    .where(
      and(
        eq(subscriptions.userId, options.userId),
        lte(subscriptions.startAt, at),
        gt(subscriptions.endAt, at),
      ),
    )
    .orderBy(desc(subscriptions.endAt), desc(subscriptions.id));

  if (candidates.length === 0) return { context: null, reason: "no_subscription" };
  const paid = candidates.filter(
    (row): row is (typeof candidates)[number] & { paymentId: number } =>
      row.paymentId !== null && row.paymentStatus === "paid",
  );
  if (paid.length === 0) return { context: null, reason: "no_payment" };
  const notUpgrades = paid.filter((row) => row.kind !== "upgrade");
  if (notUpgrades.length === 0) return { context: null, reason: "already_upgraded" };
  const base = notUpgrades.find((row) => row.schemaIds.length > 0);
  if (!base) return { context: null, reason: "no_schema" };

  const optionRows = await db
    .select()
    .from(upgradeOptions)
    .where(inArray(upgradeOptions.upgradeSchemaId, base.schemaIds));
  const contextOptions: ContextOption[] = [];
  for (const row of optionRows) {
    // Saved configs were validated; one that no longer parses (a hand edit) is skipped rather than trusted.
    const config = upgradeOptionConfigSchema.safeParse(row.config);
    if (config.success) {
      contextOptions.push({
        id: row.id,
        type: row.type,
        config: config.data,
        subscriptionTypeId: row.subscriptionTypeId,
      });
    }
  }

  const explicitIds = [
    ...new Set(contextOptions.flatMap((option) => option.subscriptionTypeId ?? [])),
  ];
  const defaultTypes = and(
    eq(subscriptionTypes.active, true),
    eq(subscriptionTypes.isDefault, true),
  );
  const catalog: CatalogType[] = await db
    .select({
      id: subscriptionTypes.id,
      code: subscriptionTypes.code,
      name: subscriptionTypes.name,
      lengthDays: subscriptionTypes.lengthDays,
      priceCents: subscriptionTypes.priceCents,
      active: subscriptionTypes.active,
      isDefault: subscriptionTypes.isDefault,
      contentAccess: contentAccessCodesOf(subscriptionTypes.id),
    })
    .from(subscriptionTypes)
    .where(
      explicitIds.length > 0
        ? or(defaultTypes, inArray(subscriptionTypes.id, explicitIds))
        : defaultTypes,
    );

  const recurrent = base.recurrent;
  return {
    reason: null,
    context: {
      userId: options.userId,
      now: at,
      base: {
        subscriptionId: base.id,
        paymentId: base.paymentId,
        typeId: base.typeId,
        typeCode: base.typeCode,
        typeName: base.typeName,
        typePriceCents: base.typePriceCents,
        typeLengthDays: base.typeLengthDays,
        contentAccess: base.contentAccess,
        startAt: base.startAt,
        endAt: base.endAt,
        // What the items cost, never more than the payment took: a discount code lowers the amount, not the items.
        paidCents:
          base.itemsCents !== null
            ? Math.min(Number(base.itemsCents), base.paymentAmountCents ?? 0)
            : (base.paymentAmountCents ?? 0),
        recurrentPaymentId: recurrent?.id ?? null,
      },
      recurrent: recurrent
        ? { expiresAt: recurrent.expires_at === null ? null : new Date(recurrent.expires_at) }
        : null,
      options: contextOptions,
      catalog,
    },
  };
}
