import { type InferSelectModel } from "drizzle-orm";
import { jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { updatedAt } from "./columns";

/** Installation-wide settings by key (lib/settings.ts knows the keys and their defaults). */
export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedAt: updatedAt(),
});
export type AppSetting = InferSelectModel<typeof appSettings>;
