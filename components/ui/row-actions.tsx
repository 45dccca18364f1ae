"use client";

import Link from "next/link";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import { cn } from "./cn";

interface MenuControl {
  close: (options?: { focusButton?: boolean }) => void;
}

const RowActionsContext = createContext<MenuControl | null>(null);

/** Inside a <RowActions> menu: how its items close it (ActionButton closes it after a success). */
export function useRowActionsMenu(): MenuControl | null {
  return useContext(RowActionsContext);
}

/** The classes of an item of the menu: a full-width row, red for `danger`. */
export function menuItemClasses(tone: "default" | "danger" = "default") {
  return cn(
    "flex w-full items-center rounded px-3 py-1.5 text-left text-sm whitespace-nowrap outline-none",
    "focus-visible:bg-zinc-100 disabled:cursor-not-allowed disabled:opacity-60",
    tone === "danger"
      ? "text-red-700 hover:bg-red-50 focus-visible:bg-red-50"
      : "text-zinc-800 hover:bg-zinc-100",
  );
}

const ITEM_SELECTOR = '[role="menuitem"]:not([disabled])';

/**
 * A row's actions behind one button (the ARIA menu button pattern): the button has aria-haspopup and aria-expanded;
 * the menu opens below it, in the top layer (a popover, so no table's scroll container clips it); arrow keys, Home and
 * End move between the items, Escape closes it and gives the focus back to the button, Tab or a click outside closes
 * it. Items are links (<RowActionLink>) and forms (ActionButton renders itself as an item inside a menu); the forms
 * stay mounted while the menu is closed, and the menu stays open while an action runs, to show its error.
 */
export function RowActions({
  label,
  children,
  testId,
}: {
  /** The button's accessible name: "Actions for Welcome series". */
  label: string;
  children: ReactNode;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>(ITEM_SELECTOR) ?? [])];

  const close = useCallback((options: { focusButton?: boolean } = {}) => {
    const menu = menuRef.current;
    if (menu?.matches(":popover-open")) menu.hidePopover();
    if (options.focusButton) buttonRef.current?.focus();
  }, []);
  // One value for the menu's life: its items' effects run on their own state changes, not on every open.
  const control = useMemo(() => ({ close }), [close]);

  // The browser opens and closes the popover (its button, a click outside, Escape); follow it.
  useEffect(() => {
    const menu = menuRef.current;
    if (!menu) return;
    const onToggle = (event: Event) => setOpen((event as ToggleEvent).newState === "open");
    menu.addEventListener("toggle", onToggle);
    return () => menu.removeEventListener("toggle", onToggle);
  }, []);

  // Below the button, right-aligned with it, kept in the window; above it when there is no room below.
  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const button = buttonRef.current;
      const menu = menuRef.current;
      if (!button || !menu) return;
      const anchor = button.getBoundingClientRect();
      const width = menu.offsetWidth;
      const height = menu.offsetHeight;
      const viewport = document.documentElement.clientWidth;
      const left = Math.max(8, Math.min(anchor.right - width, viewport - width - 8));
      const below = anchor.bottom + 4;
      const top =
        below + height > window.innerHeight - 8 && anchor.top - height - 4 >= 8
          ? anchor.top - height - 4
          : below;
      menu.style.left = `${left}px`;
      menu.style.top = `${top}px`;
    };
    place();
    items()[0]?.focus();
    window.addEventListener("resize", place);
    window.addEventListener("scroll", place, true);
    return () => {
      window.removeEventListener("resize", place);
      window.removeEventListener("scroll", place, true);
    };
  }, [open]);

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => {
      event.preventDefault();
      all[(index + all.length) % all.length]?.focus();
    };
    if (event.key === "ArrowDown") move(at + 1);
    else if (event.key === "ArrowUp") move(at < 0 ? all.length - 1 : at - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(all.length - 1);
    else if (event.key === "Escape") {
      event.preventDefault();
      close({ focusButton: true });
    } else if (event.key === "Tab") close();
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      menuRef.current?.showPopover();
    }
  };

  return (
    <RowActionsContext.Provider value={control}>
      <button
        ref={buttonRef}
        type="button"
        popoverTarget={menuId}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={label}
        title={label}
        onKeyDown={onButtonKeyDown}
        className={cn(
          "inline-flex size-8 items-center justify-center rounded-md border border-transparent text-zinc-500",
          "hover:border-zinc-200 hover:bg-zinc-50 hover:text-zinc-900",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500",
          open && "border-zinc-200 bg-zinc-50 text-zinc-900",
        )}
        data-testid={testId}
      >
        <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden>
          <circle cx="4" cy="10" r="1.6" />
          <circle cx="10" cy="10" r="1.6" />
          <circle cx="16" cy="10" r="1.6" />
        </svg>
      </button>
      <div
        ref={menuRef}
        id={menuId}
        popover="auto"
        role="menu"
        aria-label={label}
        onKeyDown={onMenuKeyDown}
        className="fixed inset-auto m-0 min-w-40 rounded-md border border-zinc-200 bg-white p-1 text-left shadow-lg"
        data-testid={testId ? `${testId}-menu` : undefined}
      >
        {children}
      </div>
    </RowActionsContext.Provider>
  );
}

/** A link in a <RowActions> menu. */
export function RowActionLink({
  href,
  children,
  testId,
}: {
  href: string;
  children: ReactNode;
  testId?: string;
}) {
  const menu = useRowActionsMenu();
  return (
    <Link
      href={href}
      role="menuitem"
      tabIndex={-1}
      className={menuItemClasses()}
      onClick={() => menu?.close()}
      data-testid={testId}
    >
      {children}
    </Link>
  );
}
