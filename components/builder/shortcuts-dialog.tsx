"use client";

import { BuilderDialog } from "./builder-dialog";
import { SHORTCUTS } from "./use-builder-shortcuts";

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <BuilderDialog title="Keyboard shortcuts" onClose={onClose} testId="shortcuts-dialog">
      <table className="w-full text-sm">
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.keys} className="border-b border-zinc-100 last:border-0">
              <td className="py-1.5 pr-4 whitespace-nowrap">
                <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs text-zinc-700">
                  {shortcut.keys}
                </kbd>
              </td>
              <td className="py-1.5 text-zinc-700">{shortcut.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </BuilderDialog>
  );
}
