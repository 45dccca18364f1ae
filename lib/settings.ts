import "server-only";
import { inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { appSettings } from "@/lib/db/schema";
import {
  DEFAULT_EMAIL_DELIVERY_SETTINGS,
  emailDeliverySettingsSchema,
} from "@/lib/email/consent/delivery-settings";
import { outboundAllowedHostsSchema } from "@/lib/http/outbound-allowed-hosts";
import { DEFAULT_SELLER, sellerSettingsSchema } from "@/lib/receipts/seller-settings";
import { DEFAULT_TIME_ZONE, timeZoneSchema } from "@/lib/time/time-zones";

/** Every installation-wide setting: its schema and default. */
const SETTINGS = {
  /** Off by default: subscriptions following an upgraded one keep their type (design.md "Upgrades"). */
  "upgrades.subsequent_upgrades": { schema: z.boolean(), default: false },
  /** The seller printed on receipts and credit notes; the default is the demo company. */
  "receipts.seller": { schema: sellerSettingsSchema, default: DEFAULT_SELLER },
  /** Hosts outgoing requests (scenario webhooks) may reach though they resolve to non-public addresses: none. */
  "outbound.allowed_hosts": { schema: outboundAllowedHostsSchema, default: [] as string[] },
  /** The zone the admin shows times in for staff who chose none of their own (users.time_zone): UTC. */
  "installation.time_zone": { schema: timeZoneSchema, default: DEFAULT_TIME_ZONE },
  /** Frequency cap and quiet hours of marketing mail: none by default. */
  "email.delivery": {
    schema: emailDeliverySettingsSchema,
    default: DEFAULT_EMAIL_DELIVERY_SETTINGS,
  },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTINGS)[K]["schema"]>;

export async function getSetting<K extends SettingKey>(db: Db, key: K): Promise<SettingValue<K>> {
  const [row] = await db
    .select()
    .from(appSettings)
    .where(inArray(appSettings.key, [key]));
  const parsed = row ? SETTINGS[key].schema.safeParse(row.value) : null;
  return (parsed?.success ? parsed.data : SETTINGS[key].default) as SettingValue<K>;
}

export async function setSetting<K extends SettingKey>(
  db: Db,
  key: K,
  value: SettingValue<K>,
): Promise<void> {
  const parsed = SETTINGS[key].schema.parse(value);
  // In a transaction, where the audit log records a staff change (lib/db/connect.ts).
  await db.transaction((tx) =>
    tx
      .insert(appSettings)
      .values({ key, value: parsed, updatedAt: now() })
      .onConflictDoUpdate({
        target: appSettings.key,
        set: { value: sql`excluded.value`, updatedAt: now() },
      }),
  );
}

/**
 * Change part of a setting: read it and write what `change` makes of it, one change at a time (a per-key advisory
 * lock, taken in a statement of its own before the read), so two changes to different fields of one setting made at
 * once both stay. Returns the value written.
 */
export async function updateSetting<K extends SettingKey>(
  db: Db,
  key: K,
  change: (current: SettingValue<K>) => SettingValue<K>,
): Promise<SettingValue<K>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`setting:${key}`}, 0))`);
    const next = change(await getSetting(tx, key));
    await setSetting(tx, key, next);
    return next;
  });
}
