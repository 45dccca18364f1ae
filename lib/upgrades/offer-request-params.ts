import { z } from "zod";
import { codeSchema } from "@/lib/subscriptions/schemas";
import { parseTagsParam, upgradeTagSchema } from "./option-config";

/** The customer pages' `?tags=` (special-offer landing pages) and `?content=` (a wanted content access). UI-safe. */

type SearchParams = Record<string, string | string[] | undefined>;

export type OfferRequestParams =
  { ok: true; tags: string[]; content: string | null } | { ok: false; message: string };

const MAX_TAGS = 10;
const tagsSchema = z.array(upgradeTagSchema).max(MAX_TAGS);

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseOfferRequestParams(params: SearchParams): OfferRequestParams {
  const tags = tagsSchema.safeParse(parseTagsParam(params.tags ?? null));
  if (!tags.success) {
    return {
      ok: false,
      message:
        "This special-offer link is not valid. Check the link, or see the upgrades open to everyone.",
    };
  }
  const rawContent = first(params.content)?.trim();
  const content = rawContent ? codeSchema.safeParse(rawContent) : null;
  if (content && !content.success) {
    return {
      ok: false,
      message: "This link asks for a content access that does not exist. See all upgrades instead.",
    };
  }
  return { ok: true, tags: tags.data, content: content ? content.data : null };
}

/** The query string that carries the same request on to the next step (`?tags=a,b&content=print`, or empty). */
export function offerRequestQuery(
  request: { tags: readonly string[]; content: string | null },
  extra: Record<string, string> = {},
): string {
  const search = new URLSearchParams(extra);
  if (request.tags.length > 0) search.set("tags", request.tags.join(","));
  if (request.content) search.set("content", request.content);
  const query = search.toString();
  return query ? `?${query}` : "";
}
