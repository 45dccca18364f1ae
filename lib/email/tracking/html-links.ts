/**
 * The http(s) links of an email's HTML, found and replaced by a small scanner (the project has no HTML parser): it
 * walks `<a …>` start tags attribute by attribute, honouring quoted values (a `>` or `href=` inside another
 * attribute's value is no link), and passes over comments, `<script>` and `<style>`. Pure and UI-safe.
 */

/** A comment, a script or style element with its content, or an `<a>` start tag (quoted values may hold `>`). */
const TOKEN =
  /<!--[\s\S]*?-->|<(script|style)\b[\s\S]*?<\/\1\s*>|<a(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
/** One attribute of a start tag: name, then optionally `=` and a double-quoted, single-quoted or bare value. */
const ATTRIBUTE = /([^\s"'<>/=]+)(\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

/** What a browser makes of an attribute value: character references decoded (Handlebars writes `&amp;`, `&#x3D;`). */
export function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1] === "x" || name[1] === "X"
          ? parseInt(name.slice(2), 16)
          : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** An attribute value written back in double quotes. */
export function encodeAttribute(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/"/g, "&quot;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** An absolute http(s) URL, as a browser would follow it (surrounding whitespace dropped). */
function httpUrl(href: string): string | null {
  const url = href.trim();
  return /^https?:\/\/[^\s]/i.test(url) && URL.canParse(url) ? url : null;
}

/**
 * Calls `replace` for each `<a href>` leading to an http(s) URL that `keep` does not exempt, in document order, with
 * the URL as a browser reads it; returns the HTML with each such href set to what `replace` returned. Everything else
 * — other attributes, other tags, `mailto:` and relative links — is left byte for byte.
 */
export function replaceLinks(
  html: string,
  replace: (url: string, index: number) => string,
  keep: (url: string) => boolean = () => false,
): string {
  let index = 0;
  return html.replace(TOKEN, (whole: string, element: string | undefined, attributes?: string) => {
    if (element !== undefined || attributes === undefined) return whole;
    let done = false;
    const rewritten = attributes.replace(
      ATTRIBUTE,
      (attribute: string, name: string, assignment?: string, ...values: (string | undefined)[]) => {
        // Only the first href counts, as in a browser.
        if (done || name.toLowerCase() !== "href" || assignment === undefined) return attribute;
        done = true;
        const raw = values[0] ?? values[1] ?? values[2] ?? "";
        const url = httpUrl(decodeAttribute(raw));
        if (url === null || keep(url)) return attribute;
        return `${name}="${encodeAttribute(replace(url, index++))}"`;
      },
    );
    return `${whole.slice(0, 2)}${rewritten}>`;
  });
}

/** The links `replaceLinks` would replace, in the same order. */
export function findLinks(html: string, keep?: (url: string) => boolean): string[] {
  const links: string[] = [];
  replaceLinks(
    html,
    (url) => {
      links.push(url);
      return url;
    },
    keep,
  );
  return links;
}

/** The HTML with `tag` before its last `</body>`, or at its end when it has none. */
export function appendToBody(html: string, tag: string): string {
  const close = [...html.matchAll(/<\/body\s*>/gi)].at(-1)?.index ?? -1;
  return close === -1 ? `${html}${tag}` : `${html.slice(0, close)}${tag}${html.slice(close)}`;
}
