import { describe, expect, it } from "vitest";
import { type Box, placeInFreeArea } from "@/components/builder/place-in-free-area";

const area: Box = { left: 100, top: 50, width: 800, height: 600 };
const size = { width: 240, height: 80 };
// As the builder draws them: the minimap bottom right, the zoom controls bottom left, a toolbar top left.
const minimap: Box = { left: 735, top: 535, width: 150, height: 100 };
const controls: Box = { left: 115, top: 545, width: 30, height: 90 };
const toolbar: Box = { left: 115, top: 65, width: 170, height: 36 };
const covered = [minimap, controls, toolbar];

const intersects = (a: Box, b: Box) =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;

function placed(wanted: { x: number; y: number }): Box {
  const at = placeInFreeArea({ wanted, size, area, covered });
  return { left: at.x, top: at.y, ...size };
}

function expectFree(box: Box) {
  expect(box.left).toBeGreaterThanOrEqual(area.left);
  expect(box.top).toBeGreaterThanOrEqual(area.top);
  expect(box.left + box.width).toBeLessThanOrEqual(area.left + area.width);
  expect(box.top + box.height).toBeLessThanOrEqual(area.top + area.height);
  for (const box2 of covered) expect(intersects(box, box2)).toBe(false);
}

describe("placeInFreeArea", () => {
  it("leaves a node where it was wanted when nothing covers that spot", () => {
    expect(placeInFreeArea({ wanted: { x: 400, y: 250 }, size, area, covered })).toEqual({
      x: 400,
      y: 250,
    });
  });

  it("moves a node dropped on the minimap to the nearest free spot beside it", () => {
    const box = placed({ x: 700, y: 560 });
    expectFree(box);
    // Nearest: just above the minimap or left of it, not across the canvas.
    expect(Math.hypot(box.left - 700, box.top - 560)).toBeLessThan(150);
  });

  it("keeps nodes off the zoom controls and the toolbar", () => {
    expectFree(placed({ x: 110, y: 560 }));
    expectFree(placed({ x: 120, y: 60 }));
  });

  it("pulls a node wanted outside the canvas back inside it", () => {
    expectFree(placed({ x: -500, y: 300 }));
    expectFree(placed({ x: 2000, y: 2000 }));
  });

  it("hides as little as it can of a node bigger than the free space", () => {
    const tiny: Box = { left: 0, top: 0, width: 260, height: 120 };
    const at = placeInFreeArea({
      wanted: { x: 0, y: 0 },
      size,
      area: tiny,
      covered: [{ left: 0, top: 100, width: 260, height: 20 }],
    });
    expect(at).toEqual({ x: 8, y: 8 });
  });
});
