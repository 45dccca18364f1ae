import { integer, timestamp } from "drizzle-orm/pg-core";

/** A timestamp with time zone read back as a JS Date. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const id = () => integer("id").primaryKey().generatedAlwaysAsIdentity();

export const createdAt = () => timestamptz("created_at").notNull().defaultNow();
export const updatedAt = () => timestamptz("updated_at").notNull().defaultNow();
