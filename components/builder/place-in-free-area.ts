/** Screen rectangles, in pixels: the canvas and what covers parts of it. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

type Point = { x: number; y: number };

/** How far from the canvas's edge and from what covers it a placed node keeps. */
const MARGIN = 8;
/** The grid the search for a free spot walks, in pixels. */
const STEP = 8;

/**
 * Where a node of `size` should go when it is wanted with its top left corner at `wanted` (screen pixels): there, if
 * the node lies wholly inside `area` (the canvas) and over none of `covered` (the minimap, the zoom controls, the
 * toolbars, a panel over the canvas); otherwise at the nearest such spot. A node bigger than the free space goes
 * where the fewest pixels are hidden, so it is never placed off the canvas.
 */
export function placeInFreeArea({
  wanted,
  size,
  area,
  covered,
}: {
  wanted: Point;
  size: { width: number; height: number };
  area: Box;
  covered: readonly Box[];
}): Point {
  const minX = area.left + MARGIN;
  const minY = area.top + MARGIN;
  const maxX = Math.max(minX, area.left + area.width - MARGIN - size.width);
  const maxY = Math.max(minY, area.top + area.height - MARGIN - size.height);
  const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
  const hidden = (x: number, y: number) =>
    covered.reduce((sum, box) => sum + overlap({ left: x, top: y, ...size }, grow(box)), 0);

  const start = { x: clamp(wanted.x, minX, maxX), y: clamp(wanted.y, minY, maxY) };
  let best = { ...start, hidden: hidden(start.x, start.y), distance: 0 };
  if (best.hidden === 0) return start;
  const xs = [...steps(minX, maxX), start.x];
  const ys = [...steps(minY, maxY), start.y];
  for (const x of xs) {
    for (const y of ys) {
      const distance = Math.hypot(x - start.x, y - start.y);
      const candidate = { x, y, hidden: hidden(x, y), distance };
      if (
        candidate.hidden < best.hidden ||
        (candidate.hidden === best.hidden && distance < best.distance)
      )
        best = candidate;
    }
  }
  return { x: best.x, y: best.y };
}

function steps(min: number, max: number): number[] {
  const values: number[] = [];
  for (let value = min; value < max; value += STEP) values.push(value);
  values.push(max);
  return values;
}

function grow(box: Box): Box {
  return {
    left: box.left - MARGIN,
    top: box.top - MARGIN,
    width: box.width + 2 * MARGIN,
    height: box.height + 2 * MARGIN,
  };
}

function overlap(a: Box, b: Box): number {
  const width = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const height = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return width > 0 && height > 0 ? width * height : 0;
}
