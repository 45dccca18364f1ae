import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { seedDemoAccounts } from "./demo-customers";
import { seedDemoCatalog } from "./demo-catalog";
import { seedDemoEmailTemplates } from "./demo-email-templates";
import { seedDemoEngagement } from "./demo-engagement";
import { seedDemoFamily } from "./demo-family";
import { seedDemoReferrals } from "./demo-referrals";
import { seedDemoUpgrades } from "./demo-upgrades";

/** The demo catalog, accounts, templates and engagement (segments, goals, a banner, scenarios), upgrade schemas, a family type and a referral program; anything that already exists (by code or email) is left as it is. */
export async function seedDemoData(db: Db): Promise<string[]> {
  const catalog = await seedDemoCatalog(db);
  // Before the accounts: a family master's story generates its codes from the family type.
  const family = await seedDemoFamily(db);
  const accounts = await seedDemoAccounts(db, now());
  const templates = await seedDemoEmailTemplates(db);
  const engagement = await seedDemoEngagement(db);
  const upgrades = await seedDemoUpgrades(db);
  const referrals = await seedDemoReferrals(db);
  return [
    ...catalog,
    ...family,
    ...accounts,
    ...templates,
    ...engagement,
    ...upgrades,
    ...referrals,
  ];
}

export function describeSeed(created: string[]): string {
  return created.length === 0
    ? "Demo data: everything already present, nothing created."
    : `Demo data: created ${created.length}:\n${created.map((line) => `  - ${line}`).join("\n")}`;
}
