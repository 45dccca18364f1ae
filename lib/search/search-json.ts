import { z } from "zod";
import type { SearchResultGroup } from "./search-admin";
import { SEARCH_GROUP_NAMES } from "./search-groups";

/** The admin search's answer as the v1 API and the ⌘K palette read it: schema for OpenAPI and the mapping. */
export const searchResultsSchema = z
  .object({
    groups: z.array(
      z.object({
        group: z.enum(SEARCH_GROUP_NAMES),
        label: z.string(),
        hits: z.array(
          z.object({
            id: z.number().int(),
            title: z.string().meta({ description: "An email, or a name." }),
            detail: z
              .string()
              .nullable()
              .meta({ description: "A user's name and staff role, a code, a status." }),
            admin_path: z
              .string()
              .meta({ description: "The hit's page in the admin.", example: "/admin/users/42" }),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "SearchResults" });
export type SearchResultsJson = z.output<typeof searchResultsSchema>;

export function serializeSearchResults(groups: SearchResultGroup[]): SearchResultsJson {
  return {
    groups: groups.map((group) => ({
      group: group.group,
      label: group.label,
      hits: group.hits.map((hit) => ({
        id: hit.id,
        title: hit.title,
        detail: hit.detail,
        admin_path: hit.path,
      })),
    })),
  };
}
