import type { Page } from "@playwright/test";

export interface FrameRate {
  framesPerSecond: number;
  worstGapMs: number;
  /** How often the moved element's style changed: proof the gesture moved something. */
  updates: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Page-side state. In-page functions are properties, not named bindings: tsx would wrap those in a `__name` helper the page lacks. */
interface FrameCounter {
  frames: number[];
  running: boolean;
  tick: (at: number) => void;
  observer: MutationObserver;
  updates: number;
}
type CountingWindow = Window & { benchFrameCounter?: FrameCounter };

/**
 * Press the left button at `start` and move in circles through it for `durationMs`, one small move per ~16 ms (the
 * next waits for Chromium to take the last), counting the page's animation frames meanwhile and the style changes
 * of `moved` (the element the gesture should move). Fails when `moved` never changed.
 */
export async function dragInCircles(
  page: Page,
  start: Point,
  durationMs: number,
  moved: string,
  radius = 120,
): Promise<FrameRate> {
  await page.mouse.move(start.x, start.y);
  await page.evaluate((moved) => {
    const element = document.querySelector(moved);
    if (!element) throw new Error(`nothing matches ${moved}`);
    const counter = { frames: [], running: true, updates: 0 } as unknown as FrameCounter;
    counter.tick = (at) => {
      if (!counter.running) return;
      counter.frames.push(at);
      requestAnimationFrame(counter.tick);
    };
    counter.observer = new MutationObserver((records) => (counter.updates += records.length));
    counter.observer.observe(element, { attributes: true, attributeFilter: ["style"] });
    (window as CountingWindow).benchFrameCounter = counter;
    requestAnimationFrame(counter.tick);
  }, moved);
  await page.mouse.down();
  const started = performance.now();
  for (let elapsed = 0; elapsed < durationMs; elapsed = performance.now() - started) {
    const angle = (2 * Math.PI * elapsed) / 1500;
    await page.mouse.move(
      start.x + radius * Math.sin(angle),
      start.y + radius * (1 - Math.cos(angle)),
    );
    const spent = performance.now() - started - elapsed;
    if (spent < 16) await new Promise((resolve) => setTimeout(resolve, 16 - spent));
  }
  await page.mouse.up();
  const { frames, updates } = await page.evaluate(() => {
    const counter = (window as CountingWindow).benchFrameCounter!;
    counter.running = false;
    counter.observer.disconnect();
    return { frames: counter.frames, updates: counter.updates };
  });
  if (updates === 0)
    throw new Error(
      `dragging from (${Math.round(start.x)}, ${Math.round(start.y)}) did not move ${moved}`,
    );
  if (frames.length < 2) return { framesPerSecond: 0, worstGapMs: durationMs, updates };
  const gaps = frames.slice(1).map((at, i) => at - frames[i]!);
  return {
    framesPerSecond: (frames.length - 1) / ((frames[frames.length - 1]! - frames[0]!) / 1000),
    worstGapMs: Math.max(...gaps),
    updates,
  };
}

/** A point inside `container` where the empty pane (`pane`) is on top, nearest the container's centre. */
export async function emptyPanePoint(page: Page, container: string, pane: string): Promise<Point> {
  const point = await page.evaluate(
    ({ container, pane }) => {
      const rect = document.querySelector(container)?.getBoundingClientRect();
      if (!rect) return null;
      // The part of the container inside the window: elementFromPoint sees nothing outside it.
      const box = {
        left: Math.max(rect.left, 0),
        top: Math.max(rect.top, 0),
        right: Math.min(rect.right, innerWidth),
        bottom: Math.min(rect.bottom, innerHeight),
      };
      const centre = { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 };
      let best: { x: number; y: number; distance: number } | null = null;
      for (let x = box.left + 40; x < box.right - 40; x += 8) {
        for (let y = box.top + 40; y < box.bottom - 40; y += 8) {
          if (!document.elementFromPoint(x, y)?.matches(pane)) continue;
          const distance = Math.hypot(x - centre.x, y - centre.y);
          if (!best || distance < best.distance) best = { x, y, distance };
        }
      }
      return best;
    },
    { container, pane },
  );
  if (!point) throw new Error(`no empty pane inside ${container} to drag`);
  return point;
}

/** The centre of the rendered node (`node`) nearest the centre of `container` that is not covered; its id too. */
export async function visibleNodePoint(
  page: Page,
  container: string,
  node: string,
): Promise<Point & { id: string }> {
  const point = await page.evaluate(
    ({ container, node }) => {
      const rect = document.querySelector(container)?.getBoundingClientRect();
      if (!rect) return null;
      // The part of the container inside the window: elementFromPoint sees nothing outside it.
      const box = {
        left: Math.max(rect.left, 0),
        top: Math.max(rect.top, 0),
        right: Math.min(rect.right, innerWidth),
        bottom: Math.min(rect.bottom, innerHeight),
      };
      const centre = { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 };
      let best: { x: number; y: number; id: string; distance: number } | null = null;
      for (const element of document.querySelectorAll(`${container} ${node}`)) {
        const rect = element.getBoundingClientRect();
        const x = rect.left + rect.width / 2;
        const y = rect.top + rect.height / 2;
        if (x < box.left + 40 || x > box.right - 40 || y < box.top + 40 || y > box.bottom - 40)
          continue;
        if (document.elementFromPoint(x, y)?.closest(node) !== element) continue;
        const distance = Math.hypot(x - centre.x, y - centre.y);
        if (!best || distance < best.distance)
          best = { x, y, id: element.getAttribute("data-id") ?? "", distance };
      }
      return best;
    },
    { container, node },
  );
  if (!point) throw new Error(`no uncovered node inside ${container} to drag`);
  return point;
}
