"use client";

import { type CSSProperties, type RefObject, useCallback, useEffect, useState } from "react";
import { asBoolean, asNumber, useStoredPreference } from "./use-stored-preference";

/** The side panel's width range, in pixels; it never takes more than half the builder either. */
export const PANEL_WIDTH = { min: 280, max: 640, initial: 340 };
/** Below this width the builder is "narrow": the palette shows icons and the panel opens over the canvas. */
const NARROW = 768;

export interface BuilderRoom {
  /** The builder covers the whole window, admin shell included. */
  fullScreen: boolean;
  toggleFullScreen(): void;
  /** The palette shows icons only. */
  paletteCollapsed: boolean;
  togglePalette(): void;
  panelOpen: boolean;
  togglePanel(): void;
  /** The panel's width, already kept within its range and half the builder. */
  panelWidth: number;
  setPanelWidth(width: number): void;
  /** The panel opens over the canvas rather than beside it. */
  narrow: boolean;
  /** Where the builder's box sits: over the admin shell's content, or the whole window. */
  style: CSSProperties;
}

/**
 * How much room the builder takes and gives its canvas: full-screen mode, the palette's icons-only mode and the side
 * panel's width and visibility, each remembered in this browser. Outside full screen the builder covers the admin
 * shell's content column below its header, measured rather than assumed, so it follows the shell's sidebar as it
 * collapses or opens.
 */
export function useBuilderRoom(root: RefObject<HTMLElement | null>): BuilderRoom {
  const [fullScreen, setFullScreen] = useStoredPreference(
    "subflow.builder.fullScreen",
    false,
    asBoolean,
  );
  const [paletteChoice, setPaletteChoice] = useStoredPreference(
    "subflow.builder.paletteCollapsed",
    false,
    asBoolean,
  );
  const [panelOpen, setPanelOpen] = useStoredPreference(
    "subflow.builder.panelOpen",
    true,
    asBoolean,
  );
  const [storedWidth, setStoredWidth] = useStoredPreference(
    "subflow.builder.panelWidth",
    PANEL_WIDTH.initial,
    asNumber,
  );
  const [box, setBox] = useState<{ top: number; left: number; width: number } | null>(null);
  // A narrow builder starts with both folded away, whatever is remembered for a wide one; opening them lasts the visit.
  const [narrowPaletteOpen, setNarrowPaletteOpen] = useState(false);
  const [narrowPanelOpen, setNarrowPanelOpen] = useState(false);

  useEffect(() => {
    const element = root.current;
    // The builder is rendered in the shell's <main>; its column starts where the sidebar ends.
    const main = element?.parentElement?.closest("main");
    const column = main?.parentElement;
    const measure = () => {
      const width = element?.getBoundingClientRect().width ?? window.innerWidth;
      if (!main || !column) {
        setBox((last) => (last?.width === width ? last : { top: 56, left: 240, width }));
        return;
      }
      const top = main.getBoundingClientRect().top;
      const left = column.getBoundingClientRect().left;
      setBox((last) =>
        last?.top === top && last.left === left && last.width === width
          ? last
          : { top, left, width },
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    if (column) observer.observe(column);
    if (element) observer.observe(element);
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, [root, fullScreen]);

  // The builder fills the window below the shell's header: the page behind it has nothing to scroll to, and a
  // scrollbar — or the gutter globals.css reserves for one — would only take width from the side panel.
  useEffect(() => {
    const page = document.documentElement;
    const { overflow, scrollbarGutter } = page.style;
    page.style.overflow = "hidden";
    page.style.scrollbarGutter = "auto";
    return () => {
      page.style.overflow = overflow;
      page.style.scrollbarGutter = scrollbarGutter;
    };
  }, []);

  const narrow = box !== null && box.width < NARROW;
  const panelWidth = Math.round(
    Math.min(
      Math.max(storedWidth, PANEL_WIDTH.min),
      PANEL_WIDTH.max,
      // In a narrow builder the panel lies over the canvas and may take its whole width.
      box ? Math.max(PANEL_WIDTH.min, narrow ? box.width : box.width / 2) : PANEL_WIDTH.max,
    ),
  );
  const setPanelWidth = useCallback(
    (width: number) =>
      setStoredWidth(Math.round(Math.min(Math.max(width, PANEL_WIDTH.min), PANEL_WIDTH.max))),
    [setStoredWidth],
  );

  const style: CSSProperties = fullScreen
    ? { inset: 0 }
    : box
      ? { top: box.top, left: box.left, right: 0, bottom: 0 }
      : { top: 56, left: 240, right: 0, bottom: 0 };
  return {
    fullScreen,
    toggleFullScreen: () => setFullScreen(!fullScreen),
    paletteCollapsed: narrow ? !narrowPaletteOpen : paletteChoice,
    togglePalette: () =>
      narrow ? setNarrowPaletteOpen(!narrowPaletteOpen) : setPaletteChoice(!paletteChoice),
    panelOpen: narrow ? narrowPanelOpen : panelOpen,
    togglePanel: () => (narrow ? setNarrowPanelOpen(!narrowPanelOpen) : setPanelOpen(!panelOpen)),
    panelWidth,
    setPanelWidth,
    narrow,
    style,
  };
}
