import "server-only";
import { X509Certificate, type KeyObject } from "node:crypto";
import { AppError } from "@/lib/errors";
import { outboundFetch, OutboundRequestError } from "@/lib/http/outbound-fetch";
import { extraSnsHosts, isSnsUrl } from "./sns-config";

/** SNS could not be reached (its certificate or a confirmation): the route answers 503 so SNS tries again. */
export class SnsUnavailableError extends Error {
  readonly code = "sns_unavailable";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SnsUnavailableError";
  }
}

/** Public keys by certificate URL: SNS signs with few certificates, rotated rarely. */
const cache = new Map<string, KeyObject>();
const CACHE_LIMIT = 50;

/**
 * The public key of the certificate SNS names in SigningCertURL, fetched once per URL (through the outbound request
 * guard) and only from SNS itself: a URL elsewhere is 403 `sns_certificate_url_refused` — else anyone could sign
 * with a certificate of their own.
 */
export async function snsSigningKey(certUrl: string): Promise<KeyObject> {
  if (!isSnsUrl(certUrl) || !new URL(certUrl).pathname.endsWith(".pem")) {
    throw new AppError(
      "sns_certificate_url_refused",
      "SigningCertURL must be an https .pem URL on sns.<region>.amazonaws.com.",
      403,
    );
  }
  const cached = cache.get(certUrl);
  if (cached) return cached;
  let body: Buffer;
  try {
    const response = await outboundFetch(certUrl, {
      allowedHosts: extraSnsHosts(),
      timeoutMs: 5000,
      maxResponseBytes: 64 * 1024,
    });
    if (response.status !== 200)
      throw new SnsUnavailableError(`SNS answered ${response.status} for its signing certificate.`);
    body = response.body;
  } catch (error) {
    if (error instanceof OutboundRequestError)
      throw new SnsUnavailableError(
        `The SNS signing certificate could not be fetched: ${error.message}`,
        {
          cause: error,
        },
      );
    throw error;
  }
  let key: KeyObject;
  try {
    key = new X509Certificate(body).publicKey;
  } catch {
    throw new AppError(
      "sns_certificate_invalid",
      "SigningCertURL did not serve an X.509 certificate.",
      403,
    );
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(certUrl, key);
  return key;
}
