import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import sk from "@/messages/sk.json";

type Messages = { [key: string]: string | Messages };

/** Every leaf key as a dotted path: { A: { b: "…" } } → ["A.b"]. */
function leafKeys(messages: Messages, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );
}

function lookup(messages: Messages, key: string): string | Messages | undefined {
  let current: string | Messages | undefined = messages;
  for (const part of key.split(".")) {
    if (current === undefined || typeof current === "string") return undefined;
    current = current[part];
  }
  return current;
}

interface AstElement {
  type: number;
  value?: unknown;
  options?: Record<string, { value: AstElement[] }>;
  children?: AstElement[];
}

/** The names of a message's arguments ({name}, {count, plural, …}, tags), nested ones included. */
function argumentNames(message: string, locale: string): Set<string> {
  const names = new Set<string>();
  const visit = (elements: AstElement[]) => {
    for (const element of elements) {
      // 0 is literal text and 7 the # of a plural; every other element names an argument or a tag.
      if (element.type !== 0 && element.type !== 7 && typeof element.value === "string") {
        names.add(element.value);
      }
      for (const option of Object.values(element.options ?? {})) visit(option.value);
      visit(element.children ?? []);
    }
  };
  visit(new IntlMessageFormat(message, locale).getAst() as AstElement[]);
  return names;
}

const ROOT = path.resolve(import.meta.dirname, "../../..");
/** The translated zones: the admin is English only and calls no next-intl. */
const SCANNED = ["app", "components", "lib"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** "a, f(b, c), d" → ["a", "f(b, c)", "d"]. */
function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of list) {
    if (char === "(" || char === "[" || char === "{") depth += 1;
    if (char === ")" || char === "]" || char === "}") depth -= 1;
    if (char === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  if (current.trim()) parts.push(current);
  return parts;
}

/**
 * The keys code asks for: each `useTranslations("Ns")` / `getTranslations("Ns")` binds a namespace to a variable
 * (`t`), and `t("key")` / `t.rich("key")` with a literal key under it must exist. A template literal key
 * (`t(\`state.${x}\`)`) checks that its fixed prefix names a group of messages.
 */
function usedKeys(): { file: string; key: string; prefixOnly: boolean }[] {
  const found: { file: string; key: string; prefixOnly: boolean }[] = [];
  for (const file of SCANNED.flatMap((dir) => sourceFiles(path.join(ROOT, dir)))) {
    const source = readFileSync(file, "utf8");
    if (!source.includes("next-intl")) continue;
    const namespaces = new Map<string, string>();
    // `const t = useTranslations("Ns")`, `const t = await getTranslations("Ns")`
    const binding = /const\s+(\w+)\s*=\s*(?:await\s+)?(?:use|get)Translations\((?:"([^"]*)")?\)/g;
    for (const match of source.matchAll(binding)) namespaces.set(match[1]!, match[2] ?? "");
    // `const [params, t] = await Promise.all([searchParams, getTranslations("Ns")])`: by position.
    const destructured = /const\s+\[([^\]]*)\]\s*=\s*await\s+Promise\.all\(\[([\s\S]*?)\]\);/g;
    for (const match of source.matchAll(destructured)) {
      const names = match[1]!.split(",").map((name) => name.trim());
      const calls = splitTopLevel(match[2]!);
      calls.forEach((call, index) => {
        const translations = /^getTranslations\((?:"([^"]*)")?\)$/.exec(call.trim());
        const name = names[index];
        if (translations && name) namespaces.set(name, translations[1] ?? "");
      });
    }
    // `(await getTranslations("Ns"))("key")`
    for (const match of source.matchAll(/\(await getTranslations\("([^"]*)"\)\)\(\s*"([^"]+)"/g)) {
      found.push({
        file: path.relative(ROOT, file),
        key: `${match[1]}.${match[2]}`,
        prefixOnly: false,
      });
    }
    for (const [name, namespace] of namespaces) {
      const call = new RegExp(`\\b${name}(?:\\.rich)?\\(\\s*(["\`])([^"\`$]*)(\\$\\{)?`, "g");
      for (const match of source.matchAll(call)) {
        const key = [namespace, match[2]].filter(Boolean).join(".");
        found.push({ file: path.relative(ROOT, file), key, prefixOnly: match[3] !== undefined });
      }
    }
  }
  return found;
}

describe("messages", () => {
  it("en.json and sk.json have the same keys", () => {
    const enKeys = leafKeys(en).sort();
    const skKeys = leafKeys(sk).sort();
    expect(enKeys.filter((key) => !skKeys.includes(key))).toEqual([]);
    expect(skKeys.filter((key) => !enKeys.includes(key))).toEqual([]);
  });

  it("every message parses as ICU in its language and uses the same arguments in both", () => {
    for (const key of leafKeys(en)) {
      const english = lookup(en, key) as string;
      const slovak = lookup(sk, key) as string;
      expect(() => new IntlMessageFormat(english, "en"), key).not.toThrow();
      expect(() => new IntlMessageFormat(slovak, "sk"), key).not.toThrow();
      expect(argumentNames(slovak, "sk"), key).toEqual(argumentNames(english, "en"));
    }
  });

  it("every key the code uses exists (a key missing in either language fails here)", () => {
    const used = usedKeys();
    // The scan must see the translated zones, or this test could not fail.
    expect(used.length).toBeGreaterThan(200);
    const missing = used.filter(({ key, prefixOnly }) => {
      const group = prefixOnly ? key.replace(/\.$/, "") : key;
      const inEn = lookup(en, group);
      const inSk = lookup(sk, group);
      return prefixOnly
        ? typeof inEn !== "object" || typeof inSk !== "object"
        : typeof inEn !== "string" || typeof inSk !== "string";
    });
    expect(missing).toEqual([]);
  });

  it("Slovak plurals take the 1 / 2–4 / 5+ forms", () => {
    const days = new IntlMessageFormat((sk.Period as Messages).per as string, "sk");
    expect(days.format({ unit: "days", days: 1 })).toBe("deň");
    expect(days.format({ unit: "days", days: 2 })).toBe("2 dni");
    expect(days.format({ unit: "days", days: 5 })).toBe("5 dní");
    const wait = new IntlMessageFormat((sk.Wait as Messages).minutes as string, "sk");
    expect(wait.format({ count: 1 })).toBe("1 minútu");
    expect(wait.format({ count: 3 })).toBe("3 minúty");
    expect(wait.format({ count: 10 })).toBe("10 minút");
  });
});
