import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/**
 * "Export CSV" beside a list: downloads every row that matches the list's current filters (the href carries them;
 * the export route reads them as the page does). A plain link, so the browser downloads instead of navigating.
 */
export function ExportCsvLink({ href }: { href: string }) {
  return (
    <a
      href={href}
      download
      className={cn(buttonClasses("secondary"), "gap-1.5")}
      data-testid="export-csv"
    >
      <svg viewBox="0 0 20 20" fill="currentColor" className="size-4 text-zinc-500" aria-hidden>
        <path d="M10.75 2.75a.75.75 0 0 0-1.5 0v8.614L6.295 8.235a.75.75 0 1 0-1.09 1.03l4.25 4.5a.75.75 0 0 0 1.09 0l4.25-4.5a.75.75 0 0 0-1.09-1.03l-2.955 3.129V2.75Z" />
        <path d="M3.5 12.75a.75.75 0 0 0-1.5 0v2.5A2.75 2.75 0 0 0 4.75 18h10.5A2.75 2.75 0 0 0 18 15.25v-2.5a.75.75 0 0 0-1.5 0v2.5c0 .69-.56 1.25-1.25 1.25H4.75c-.69 0-1.25-.56-1.25-1.25v-2.5Z" />
      </svg>
      Export CSV
    </a>
  );
}
