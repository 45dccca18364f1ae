import "server-only";

/** Hosts of SNS itself: its signing certificates and subscription confirmations are served from them, over https. */
const SNS_HOST = /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

function listFromEnv(name: string): string[] {
  return (process.env[name] ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/**
 * `SES_SNS_EXTRA_HOSTS`: more hosts (`host` or `host:port`, http or https) trusted to serve SNS signing certificates
 * and subscription confirmations — an SNS emulator, or the tests' local server. Empty in production.
 */
export function extraSnsHosts(): string[] {
  return listFromEnv("SES_SNS_EXTRA_HOSTS").map((entry) => entry.toLowerCase());
}

/** Whether a URL SNS sent (SigningCertURL, SubscribeURL) is SNS's own: https on sns.<region>.amazonaws.com. */
export function isSnsUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === "https:" && !url.port && SNS_HOST.test(url.hostname)) return true;
  const extra = extraSnsHosts();
  return (
    (url.protocol === "https:" || url.protocol === "http:") &&
    (extra.includes(url.hostname) || extra.includes(url.host))
  );
}

/**
 * `SES_SNS_TOPIC_ARNS`: the SNS topics whose messages are accepted (comma-separated ARNs). Unset: any topic whose
 * message SNS signed — set it in production, or anyone's topic could subscribe this endpoint.
 */
export function isAllowedSnsTopic(topicArn: string): boolean {
  const allowed = listFromEnv("SES_SNS_TOPIC_ARNS");
  return allowed.length === 0 || allowed.includes(topicArn);
}
