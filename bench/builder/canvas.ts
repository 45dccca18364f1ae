import type { Page } from "@playwright/test";

/** The builder's canvas; its builder sets `data-ready="true"` once React Flow has initialised (onInit). */
export const CANVAS = '[data-testid="builder-canvas"]';
/** The bare React Flow canvas the bench compares the builder with (`bare-canvas/app.tsx`), marked the same way. */
export const BARE_CANVAS = '[data-testid="bare-canvas"]';
export const NODE = ".react-flow__node";
export const PANE = ".react-flow__pane";
export const VIEWPORT = ".react-flow__viewport";

/**
 * Resolves when the canvas (`canvas`) is initialised and has rendered at least `nodes` nodes; says which is missing
 * if not.
 */
export async function waitForInteractiveCanvas(
  page: Page,
  nodes: number,
  canvas = CANVAS,
  timeoutMs = 60_000,
): Promise<void> {
  try {
    await page.waitForFunction(
      ({ ready, node, count }) =>
        (document.querySelector(ready)?.querySelectorAll(node).length ?? 0) >= count,
      { ready: `${canvas}[data-ready="true"]`, node: NODE, count: nodes },
      { timeout: timeoutMs, polling: "raf" },
    );
  } catch (error) {
    const state = await page
      .evaluate(
        ({ canvas, node }) => {
          const element = document.querySelector(canvas);
          return element
            ? `data-ready=${element.getAttribute("data-ready")}, ${element.querySelectorAll(node).length} nodes rendered`
            : "no canvas";
        },
        { canvas, node: NODE },
      )
      .catch(() => "page gone");
    throw new Error(
      `the canvas was not interactive with ${nodes} nodes within ${timeoutMs / 1000} s (${state})`,
      { cause: error },
    );
  }
}
