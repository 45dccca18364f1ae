import type { BrowserContext } from "@playwright/test";

/**
 * What the browser reports against the security headers on every page of a context, as it happens: each CSP
 * violation (the page's `securitypolicyviolation` event, installed before any of the page's scripts run, and the
 * console line Chromium writes for it) and each Permissions-Policy header the browser could not read. The returned
 * list fills as the pages run.
 */
export async function watchSecurityPolicyReports(context: BrowserContext): Promise<string[]> {
  const reports: string[] = [];
  await context.exposeBinding("reportSecurityPolicyViolation", (_source, report: string) => {
    reports.push(report);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportSecurityPolicyViolation(text: string): void })
        .reportSecurityPolicyViolation;
      report(
        `${event.effectiveDirective} refused ${event.blockedURI || "inline"} on ${event.documentURI}` +
          (event.sample ? ` (${event.sample})` : ""),
      );
    });
  });
  context.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Permissions-Policy/i.test(text)) {
      reports.push(`console ${message.type()} on ${message.page()?.url()}: ${text}`);
    }
  });
  return reports;
}
