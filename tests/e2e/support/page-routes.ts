import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * The routes of the app's pages, read from the files (every `page.tsx` under `app/<dir>`), so a page added later is
 * visited by the layout test, or the test says it does not know how to open it: "/admin/users/[id]". Route groups
 * ("(admin)") are not part of the URL.
 */
export function pageRoutes(appDir: string): string[] {
  const root = path.resolve("app", appDir);
  const routes: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const isGroup = entry.name.startsWith("(") && entry.name.endsWith(")");
        walk(path.join(dir, entry.name), isGroup ? segments : [...segments, entry.name]);
      } else if (entry.name === "page.tsx") {
        routes.push(`/${segments.join("/")}`);
      }
    }
  };
  const prefix = appDir
    .split("/")
    .filter((segment) => segment && !(segment.startsWith("(") && segment.endsWith(")")));
  walk(root, prefix);
  return routes.sort();
}

export const isDynamicRoute = (route: string) => route.includes("[");
