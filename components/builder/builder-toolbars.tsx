"use client";

import { Panel } from "@xyflow/react";
import type { ReactNode } from "react";
import type { BuilderVersion } from "./scenario-builder";
import { Time } from "@/components/ui/time";

export interface StatsSettings {
  show: boolean;
  period: "last24h" | "last30d";
  /** One version's figures, or null for all versions. */
  versionId: number | null;
}

function ToolButton({
  label,
  onClick,
  disabled,
  pressed,
  children,
  testId,
}: {
  label: string;
  onClick(): void;
  disabled?: boolean;
  pressed?: boolean;
  children: ReactNode;
  testId: string;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      aria-pressed={pressed}
      title={label}
      className={`inline-flex h-8 min-w-8 items-center justify-center px-2 text-sm whitespace-nowrap focus-visible:z-10 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-40 ${pressed ? "bg-zinc-900 text-white" : "text-zinc-700 hover:bg-zinc-100"}`}
      data-testid={testId}
    >
      {children}
    </button>
  );
}

const group =
  "flex divide-x divide-zinc-200 overflow-hidden rounded-md border border-zinc-200 bg-white shadow-sm";

/** Undo, redo, auto-layout and the shortcut list, over the canvas's top left corner. */
export function CanvasToolbar(props: {
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
  onLayout(): void;
  onShortcuts(): void;
}) {
  return (
    <Panel position="top-left" className="flex gap-2">
      <div className={group} role="toolbar" aria-label="Edit">
        <ToolButton
          label="Undo (Ctrl Z)"
          onClick={props.onUndo}
          disabled={!props.canUndo}
          testId="builder-undo"
        >
          ↶
        </ToolButton>
        <ToolButton
          label="Redo (Ctrl Shift Z)"
          onClick={props.onRedo}
          disabled={!props.canRedo}
          testId="builder-redo"
        >
          ↷
        </ToolButton>
        <ToolButton
          label="Auto-layout"
          onClick={props.onLayout}
          disabled={props.readOnly}
          testId="builder-layout"
        >
          Layout
        </ToolButton>
        <ToolButton
          label="Keyboard shortcuts (?)"
          onClick={props.onShortcuts}
          testId="builder-shortcuts"
        >
          ?
        </ToolButton>
      </div>
    </Panel>
  );
}

/** Statistics on the canvas: show or hide, the period, which version, and when they were last refreshed. */
export function StatsToolbar({
  settings,
  onChange,
  versions,
  updatedAt,
  loading,
  onRefresh,
}: {
  settings: StatsSettings;
  onChange(settings: StatsSettings): void;
  versions: BuilderVersion[];
  updatedAt: Date | null;
  loading: boolean;
  onRefresh(): void;
}) {
  return (
    // On a narrow canvas (a size container: the canvas area) it goes under the edit toolbar instead of over it.
    <Panel
      position="top-right"
      className="flex flex-wrap items-center justify-end gap-2 @max-2xl:top-12!"
    >
      <div className={group} role="group" aria-label="Statistics">
        <ToolButton
          label="Show statistics"
          pressed={settings.show}
          onClick={() => onChange({ ...settings, show: !settings.show })}
          testId="stats-toggle"
        >
          Stats
        </ToolButton>
        {settings.show ? (
          <>
            {(["last24h", "last30d"] as const).map((period) => (
              <ToolButton
                key={period}
                label={period === "last24h" ? "Last 24 hours" : "Last 30 days"}
                pressed={settings.period === period}
                onClick={() => onChange({ ...settings, period })}
                testId={`stats-${period}`}
              >
                {period === "last24h" ? "24 h" : "30 d"}
              </ToolButton>
            ))}
            <ToolButton
              label="Refresh statistics"
              onClick={onRefresh}
              disabled={loading}
              testId="stats-refresh"
            >
              <span className={loading ? "animate-spin" : ""} aria-hidden>
                ⟳
              </span>
            </ToolButton>
          </>
        ) : null}
      </div>
      {settings.show ? (
        <select
          aria-label="Statistics of version"
          value={settings.versionId ?? ""}
          onChange={(event) =>
            onChange({
              ...settings,
              versionId: event.target.value ? Number(event.target.value) : null,
            })
          }
          className="h-8 rounded-md border border-zinc-200 bg-white px-2 text-sm shadow-sm focus-visible:outline-2 focus-visible:outline-brand-600"
          data-testid="stats-version"
        >
          <option value="">All versions</option>
          {versions.map((version) => (
            <option key={version.id} value={version.id}>
              Version {version.number}
            </option>
          ))}
        </select>
      ) : null}
      {settings.show && updatedAt ? (
        <span className="hidden text-xs text-zinc-500 @3xl:inline">
          updated <Time value={updatedAt} />
        </span>
      ) : null}
    </Panel>
  );
}
