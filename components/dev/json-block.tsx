/** Pretty-printed JSON for inspecting events and step outputs. */
export function JsonBlock({ value, testId }: { value: unknown; testId?: string }) {
  return (
    <pre
      className="max-h-72 overflow-auto rounded-md bg-zinc-950 px-3 py-2 font-mono text-xs leading-relaxed text-zinc-100"
      data-testid={testId}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
