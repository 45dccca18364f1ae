import type { Db } from "@/lib/db";
import { createContentAccess } from "@/lib/subscriptions/create-content-access";
import { saveSubscriptionType } from "@/lib/subscriptions/save-subscription-type";

/** One subscription type of a test catalog, keyed by its code. */
export interface CatalogTypeSpec {
  name: string;
  lengthDays: number;
  priceCents: number;
  content: readonly string[];
}

/**
 * A test catalog: the content access codes (named after the code: `web` → "Web"), then the types, optionally all
 * defaults. Returns the type ids by code.
 */
export async function seedCatalogTypes<Code extends string>(
  db: Db,
  options: {
    contentAccess: readonly string[];
    types: Record<Code, CatalogTypeSpec>;
    isDefault?: boolean;
  },
): Promise<Record<Code, number>> {
  for (const code of options.contentAccess) {
    await createContentAccess(db, { code, name: code.charAt(0).toUpperCase() + code.slice(1) });
  }
  const ids = {} as Record<Code, number>;
  for (const [code, type] of Object.entries(options.types) as [Code, CatalogTypeSpec][]) {
    const saved = await saveSubscriptionType(db, {
      code,
      name: type.name,
      lengthDays: type.lengthDays,
      priceCents: type.priceCents,
      contentAccessCodes: [...type.content],
      ...(options.isDefault ? { isDefault: true } : {}),
    });
    ids[code] = saved.id;
  }
  return ids;
}
