import { type InferSelectModel, sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, timestamptz, updatedAt } from "./columns";
import { users } from "./users";

/** Rule-based segments: `rules` is the zod-validated tree of `lib/segments/segment-rules.ts`, compiled to one query. */
export const segments = pgTable("segments", {
  id: id(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  description: text("description"),
  rules: jsonb("rules").$type<unknown>().notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type Segment = InferSelectModel<typeof segments>;

export const bannerStyle = pgEnum("banner_style", ["info", "success", "warning", "promo"]);
export type BannerStyle = (typeof bannerStyle.enumValues)[number];

export const banners = pgTable("banners", {
  id: id(),
  name: text("name").notNull(),
  title: text("title").notNull(),
  text: text("text").notNull().default(""),
  linkUrl: text("link_url"),
  linkText: text("link_text"),
  style: bannerStyle("style").notNull().default("info"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type Banner = InferSelectModel<typeof banners>;

/** One banner shown to one user (by a scenario's `banner` node) until dismissed or expired. */
export const userBanners = pgTable(
  "user_banners",
  {
    id: id(),
    bannerId: integer("banner_id")
      .notNull()
      .references(() => banners.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Who showed it (`scenario-run:<run>:<step>`): the same source shows it once. */
    sourceKey: text("source_key").notNull().unique(),
    shownAt: timestamptz("shown_at").notNull(),
    expiresAt: timestamptz("expires_at"),
    dismissedAt: timestamptz("dismissed_at"),
  },
  (t) => [
    index("user_banners_user_idx")
      .on(t.userId, t.shownAt)
      .where(sql`${t.dismissedAt} is null`),
  ],
);
export type UserBanner = InferSelectModel<typeof userBanners>;

/** Onboarding goals: a user completes each at most once. */
export const goals = pgTable("goals", {
  id: id(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  description: text("description"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type Goal = InferSelectModel<typeof goals>;

export const goalCompletions = pgTable(
  "goal_completions",
  {
    id: id(),
    goalId: integer("goal_id")
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    completedAt: timestamptz("completed_at").notNull(),
    /** `api`, `admin` or `user`. */
    source: text("source").notNull(),
  },
  (t) => [
    uniqueIndex("goal_completions_goal_user_key").on(t.goalId, t.userId),
    index("goal_completions_user_idx").on(t.userId),
  ],
);
export type GoalCompletion = InferSelectModel<typeof goalCompletions>;
