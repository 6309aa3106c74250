import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The signature of the ePayBL-style platform's server-to-server notifications (the embedded simulator at
 * /_dev/pay signs this way, and so must a real platform adapter): header `x-epay-signature: t=<unix seconds>,
 * v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. The timestamp is inside the signed text, so an old
 * notification cannot be replayed with a fresh time; one older than the tolerance is refused.
 */
export const epaySignatureHeader = "x-epay-signature";
export const signatureToleranceSeconds = 300;

function mac(secret: string, timestamp: number, body: string | Buffer): Buffer {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest();
}

export function signEpayNotification(secret: string, body: string | Buffer, at = new Date()): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  return `t=${timestamp},v1=${mac(secret, timestamp, body).toString("hex")}`;
}

export type SignatureCheck = "valid" | "missing" | "malformed" | "stale" | "mismatch";

export function checkEpaySignature(
  secret: string,
  body: string | Buffer,
  header: string | undefined,
  now = new Date(),
): SignatureCheck {
  if (!header) return "missing";
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header.trim());
  if (!match) return "malformed";
  const timestamp = Number(match[1]);
  if (Math.abs(now.getTime() / 1000 - timestamp) > signatureToleranceSeconds) return "stale";
  const expected = mac(secret, timestamp, body);
  return timingSafeEqual(expected, Buffer.from(match[2] as string, "hex")) ? "valid" : "mismatch";
}
