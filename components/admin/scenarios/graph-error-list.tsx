/** Validation errors as `node id — message` lines, so an admin can find each node in the JSON and the outline. */
export function GraphErrorList({ lines, title, testId }: { lines: string[]; title: string; testId: string }) {
  if (lines.length === 0) return null;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800" data-testid={testId}>
      <p className="font-medium">{title}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {lines.map((line) => (
          <li key={line} data-testid={`${testId}-item`}>
            {line}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function graphErrorLines(errors: { nodeId: string | null; message: string }[]): string[] {
  return errors.map((error) => `${error.nodeId ?? "graph"} — ${error.message}`);
}
