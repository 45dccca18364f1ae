/**
 * Rendered email HTML in a fully sandboxed iframe: no scripts, forms, popups or same-origin access, so a template
 * (or a stored message) cannot act inside the admin.
 */
export function EmailHtmlFrame({
  html,
  title,
  testId,
  className,
}: {
  html: string;
  title: string;
  testId?: string;
  className?: string;
}) {
  return (
    <iframe
      sandbox=""
      srcDoc={html}
      title={title}
      referrerPolicy="no-referrer"
      className={className ?? "h-[28rem] w-full rounded-md border border-zinc-200 bg-white"}
      data-testid={testId}
    />
  );
}
