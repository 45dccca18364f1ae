import { z } from "zod";
import type { BannerStyle } from "@/lib/db/schema";

/** Banner input, shared by the admin form, the API and the service. UI-safe: no server imports. */

export const BANNER_STYLES = [
  "info",
  "success",
  "warning",
  "promo",
] as const satisfies readonly BannerStyle[];

/**
 * An absolute http(s) URL, or a path on this site. `//host` and `/\host` are refused: browsers read both as
 * another host, so they would turn a "site-relative" link into an off-site one.
 */
export const bannerLinkUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (value) =>
      /^\/(?![/\\])/.test(value) ? true : z.url({ protocol: /^https?$/ }).safeParse(value).success,
    { message: "Use an http(s) URL or a path starting with /." },
  );

const blankToNull = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? null : value;

export const bannerInputSchema = z
  .object({
    /** Internal name for admins; defaults to the title. */
    name: z.preprocess(blankToNull, z.string().trim().max(200).nullable().optional()),
    title: z.string().trim().min(1, { message: "Give the banner a title." }).max(120),
    text: z.string().trim().max(1000).default(""),
    linkUrl: z.preprocess(blankToNull, bannerLinkUrlSchema.nullable().optional()),
    linkText: z.preprocess(blankToNull, z.string().trim().max(60).nullable().optional()),
    style: z.enum(BANNER_STYLES).default("info"),
  })
  .refine((input) => !input.linkText || input.linkUrl, {
    message: "A link text needs a link URL.",
    path: ["linkText"],
  });
export type BannerInput = z.input<typeof bannerInputSchema>;

/** What a customer sees of a banner (the slot and the admin preview render the same shape). */
export interface BannerContent {
  title: string;
  text: string;
  linkUrl: string | null;
  linkText: string | null;
  style: BannerStyle;
}
