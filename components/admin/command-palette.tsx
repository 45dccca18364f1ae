"use client";

import { Command } from "cmdk";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { SEARCH_QUERY_MAX } from "@/lib/search/search-groups";
import type { SearchResultsJson } from "@/lib/search/search-json";

/** How long typing pauses before the palette asks the server. */
const DEBOUNCE_MS = 200;

type Groups = SearchResultsJson["groups"];

/**
 * The admin's command palette: ⌘K / Ctrl+K, or the search button in the header, opens it; it searches users,
 * subscription types, scenarios and email templates on the server (only the groups the staff member's role may read:
 * app/(admin)/admin/search), and Enter or a click opens the hit's page. Arrow keys move through the hits.
 */
export function CommandPalette() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [result, setResult] = useState<{ query: string; groups: Groups } | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === "k") {
        event.preventDefault();
        setOpen((current) => !current);
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  const text = query.trim();
  useEffect(() => {
    if (!open || !text) return;
    const controller = new AbortController();
    const timer = window.setTimeout(async () => {
      try {
        const response = await fetch(`/admin/search?${new URLSearchParams({ q: text })}`, {
          signal: controller.signal,
          headers: { accept: "application/json" },
        });
        if (!response.ok) throw new Error(`search answered ${response.status}`);
        const body = (await response.json()) as SearchResultsJson;
        setResult({ query: text, groups: body.groups });
        setFailed(false);
      } catch (error) {
        if (!controller.signal.aborted) {
          console.error(error);
          setFailed(true);
        }
      }
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [open, text]);

  const groups = text && result ? result.groups : [];
  const searching = Boolean(text) && result?.query !== text && !failed;

  const openHit = (path: string) => {
    setOpen(false);
    setQuery("");
    router.push(path);
  };

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="flex h-9 w-full max-w-xs items-center gap-2 rounded-md border border-zinc-200 bg-white px-3 text-sm text-zinc-500 shadow-xs hover:border-zinc-300 hover:text-zinc-700 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
        aria-keyshortcuts="Meta+K Control+K"
        data-testid="command-palette-open"
      >
        <SearchIcon className="size-4 shrink-0" />
        <span className="truncate">Search…</span>
        <kbd className="ml-auto hidden rounded border border-zinc-200 bg-zinc-50 px-1.5 font-sans text-[11px] text-zinc-500 sm:inline">
          ⌘K
        </kbd>
      </button>
      <Command.Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) setQuery("");
        }}
        label="Search the admin"
        shouldFilter={false}
        loop
        overlayClassName="fixed inset-0 z-40 bg-zinc-900/30 backdrop-blur-[1px]"
        contentClassName="fixed inset-x-3 top-[12vh] z-50 mx-auto max-w-xl overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-2xl"
        data-testid="command-palette"
      >
        <div className="flex items-center gap-2 border-b border-zinc-200 px-4">
          <SearchIcon className="size-4 shrink-0 text-zinc-400" />
          <Command.Input
            value={query}
            onValueChange={(value) => setQuery(value.slice(0, SEARCH_QUERY_MAX))}
            placeholder="Search users, scenarios, email templates, subscription types…"
            className="h-12 w-full bg-transparent text-sm text-zinc-900 outline-none placeholder:text-zinc-400"
            data-testid="command-palette-input"
          />
        </div>
        <Command.List
          className="max-h-[min(60vh,24rem)] overflow-y-auto p-2"
          data-testid="command-palette-list"
        >
          {searching ? (
            <Command.Loading>
              <p className="px-3 py-2 text-sm text-zinc-500">Searching…</p>
            </Command.Loading>
          ) : null}
          {!searching ? (
            <Command.Empty className="px-3 py-6 text-center text-sm text-zinc-500">
              {failed
                ? "Search is not answering. Try again in a moment."
                : text
                  ? `Nothing found for “${text}”.`
                  : "Type an email, a name, a code or an id."}
            </Command.Empty>
          ) : null}
          {groups.map((group) => (
            <Command.Group
              key={group.group}
              heading={group.label}
              className="mb-1 [&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-[11px] [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:tracking-wider [&_[cmdk-group-heading]]:text-zinc-400 [&_[cmdk-group-heading]]:uppercase"
            >
              {group.hits.map((hit) => (
                <Command.Item
                  key={`${group.group}:${hit.id}`}
                  value={`${group.group}:${hit.id}`}
                  onSelect={() => openHit(hit.admin_path)}
                  className="flex cursor-pointer items-baseline justify-between gap-3 rounded-md px-3 py-2 text-sm text-zinc-800 data-[selected=true]:bg-brand-50 data-[selected=true]:text-brand-800"
                  data-testid={`command-hit-${group.group}-${hit.id}`}
                >
                  <span className="min-w-0 truncate font-medium">{hit.title}</span>
                  {hit.detail ? (
                    <span className="shrink-0 truncate text-xs text-zinc-500">{hit.detail}</span>
                  ) : null}
                </Command.Item>
              ))}
            </Command.Group>
          ))}
        </Command.List>
        <div className="flex items-center gap-3 border-t border-zinc-100 px-4 py-2 text-[11px] text-zinc-400">
          <span>↑↓ to move</span>
          <span>↵ to open</span>
          <span>esc to close</span>
        </div>
      </Command.Dialog>
    </>
  );
}

function SearchIcon({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" className={className} aria-hidden>
      <path
        fillRule="evenodd"
        d="M9 3.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM2 9a7 7 0 1 1 12.452 4.391l3.328 3.329a.75.75 0 1 1-1.06 1.06l-3.329-3.328A7 7 0 0 1 2 9Z"
        clipRule="evenodd"
      />
    </svg>
  );
}
