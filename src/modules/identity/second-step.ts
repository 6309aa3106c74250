import type { FastifyReply, FastifyRequest } from "fastify";

/**
 * Between the password and the second factor the browser holds a signed, short-lived cookie naming the
 * citizen whose password was right. It grants nothing by itself: only a valid code turns it into a session.
 */
const cookieName = "rathaus_2fa";
const lifetimeMs = 5 * 60_000;

export function startSecondStep(reply: FastifyReply, citizenId: string, secure: boolean): void {
  reply.setCookie(cookieName, `${citizenId}.${Date.now() + lifetimeMs}`, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure,
    signed: true,
    maxAge: lifetimeMs / 1000,
  });
}

/** The citizen waiting for the second step, when the cookie is genuine and not expired. */
export function pendingSecondStep(request: FastifyRequest): string | undefined {
  const raw = request.cookies[cookieName];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return undefined;
  const [citizenId = "", expires = ""] = unsigned.value.split(".");
  return Number(expires) > Date.now() && /^[0-9a-f-]{36}$/.test(citizenId) ? citizenId : undefined;
}

export function endSecondStep(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(cookieName, { path: "/", httpOnly: true, sameSite: "lax", secure });
}
