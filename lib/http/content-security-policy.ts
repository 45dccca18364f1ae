/**
 * The Content-Security-Policy of every page, with the request's nonce. proxy.ts sets it on the request (Next.js reads
 * the nonce from there and puts it on the scripts it renders) and on the response (the browser enforces it). Pure and
 * edge-safe. The other security headers, which do not change per request, are in next.config.js.
 */

/** Where the customer pays and saves a card: Stripe Checkout, reached by a redirect from our own form's action. */
const STRIPE_CHECKOUT = "https://checkout.stripe.com";

/** A fresh nonce: 128 random bits, base64 (the CSP nonce grammar). One per request, never reused. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy, directive by directive.
 * - Scripts: only those carrying the nonce, and what they load ('strict-dynamic'); no inline handlers, no eval. In
 *   development React rebuilds server error stacks with eval, so 'unsafe-eval' is added there only.
 * - Styles: any inline style. React Flow positions every node and edge with style attributes (in the server's markup
 *   too), and the admin's email previews are srcdoc iframes, which inherit this policy, of email HTML that is styled
 *   by <style> blocks and style attributes. No nonce here: a nonce would switch 'unsafe-inline' off.
 * - Images: ours, data: and blob: URLs, and any https: image an email template links (the previews again).
 * - Forms post to us. The pay and card actions redirect to Stripe Checkout; a form sent before the page hydrated
 *   follows that redirect as a form submission, which form-action also governs.
 * - Nobody frames us; no plugins; <base> cannot point scripts elsewhere.
 */
export function contentSecurityPolicy({
  nonce,
  development,
}: {
  nonce: string;
  development: boolean;
}): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(development ? ["'unsafe-eval'"] : []),
    ],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'", STRIPE_CHECKOUT],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([directive, sources]) => `${directive} ${sources.join(" ")}`)
    .join("; ");
}
