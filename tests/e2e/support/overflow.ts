import type { Page } from "@playwright/test";

/**
 * What on the page is wider than the window, in words: the document itself (the page scrolls sideways), a table
 * reaching past the window's edge or cut off by its own scroll container (its last columns out of sight), and, with
 * `scrollRegions`, any element that scrolls sideways. Elements hidden from sight (display: none, the sr-only clip)
 * do not count. The window's width is the layout viewport without a vertical scrollbar.
 */
export async function overflowProblems(
  page: Page,
  { scrollRegions }: { scrollRegions: boolean },
): Promise<string[]> {
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(
    ({ scrollRegions }) => {
      const viewport = document.documentElement.clientWidth;
      const problems: string[] = [];

      const hidden = (element: Element) => {
        for (let at: Element | null = element; at; at = at.parentElement) {
          const style = getComputedStyle(at);
          if (style.display === "none" || style.visibility === "hidden") return true;
          // The sr-only pattern: a 1 px box clipped to nothing.
          if (style.clip !== "auto" && style.clip !== "" && style.position === "absolute")
            return true;
          if (style.clipPath !== "none" && style.clipPath !== "") return true;
        }
        return false;
      };

      /** How a report names an element: its test id, label, or tag and first classes. */
      const describe = (element: Element) => {
        const testId = element.getAttribute("data-testid");
        if (testId) return `${element.tagName.toLowerCase()}[data-testid="${testId}"]`;
        const label = element.getAttribute("aria-label");
        if (label) return `${element.tagName.toLowerCase()}[aria-label="${label}"]`;
        const heading = element
          .closest("section, article, [data-slot], div.rounded-lg")
          ?.querySelector("h1, h2, h3")
          ?.textContent?.trim();
        const classes = [...element.classList].slice(0, 4).join(".");
        return `${element.tagName.toLowerCase()}${classes ? `.${classes}` : ""}${heading ? ` (under “${heading}”)` : ""}`;
      };

      const documentWidth = document.documentElement.scrollWidth;
      if (documentWidth > viewport) {
        const widest = [...document.body.querySelectorAll("*")]
          .filter((element) => !hidden(element))
          .map((element) => ({ element, right: element.getBoundingClientRect().right }))
          .filter(({ right }) => right > viewport + 0.5)
          .sort((a, b) => b.right - a.right)[0];
        problems.push(
          `the document is ${documentWidth} px wide in a ${viewport} px window` +
            (widest
              ? `; widest: ${describe(widest.element)} to ${Math.round(widest.right)} px`
              : ""),
        );
      }

      for (const table of document.querySelectorAll("table")) {
        if (hidden(table)) continue;
        const box = table.getBoundingClientRect();
        if (box.width === 0) continue;
        if (box.right > viewport + 0.5 || box.left < -0.5) {
          problems.push(
            `${describe(table)} spans ${Math.round(box.left)}–${Math.round(box.right)} px in a ${viewport} px window`,
          );
        }
        for (let at = table.parentElement; at && at !== document.body; at = at.parentElement) {
          if (getComputedStyle(at).overflowX === "visible") continue;
          if (at.scrollWidth > at.clientWidth + 1) {
            problems.push(
              `${describe(table)} is ${at.scrollWidth} px wide in a ${at.clientWidth} px scroll container: its last ${at.scrollWidth - at.clientWidth} px are cut off`,
            );
          }
          break;
        }
      }

      if (scrollRegions) {
        for (const element of document.body.querySelectorAll("*")) {
          // Form controls scroll their own text by design; tables are checked above.
          if (["INPUT", "TEXTAREA", "SELECT", "TABLE"].includes(element.tagName)) continue;
          if (element.querySelector(":scope > table")) continue;
          const { overflowX } = getComputedStyle(element);
          if (overflowX !== "auto" && overflowX !== "scroll") continue;
          if (element.scrollWidth <= element.clientWidth + 1 || hidden(element)) continue;
          problems.push(
            `${describe(element)} scrolls sideways: ${element.scrollWidth} px of content in ${element.clientWidth} px`,
          );
        }
      }
      return problems;
    },
    { scrollRegions },
  );
}
