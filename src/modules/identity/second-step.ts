import type { FastifyReply, FastifyRequest } from "fastify";
import { isUuid } from "#core/db/ids.ts";

const lifetimeMs = 5 * 60_000;

/**
 * Between the password and the second factor the browser holds a signed, short-lived cookie naming the
 * account whose password was right. It grants nothing by itself: only a valid code turns it into a session.
 */
export function secondStepCookie(cookieName: string) {
  return {
    start(reply: FastifyReply, accountId: string, secure: boolean): void {
      reply.setCookie(cookieName, `${accountId}.${Date.now() + lifetimeMs}`, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure,
        signed: true,
        maxAge: lifetimeMs / 1000,
      });
    },

    /** The account waiting for the second step, when the cookie is genuine and not expired. */
    pending(request: FastifyRequest): string | undefined {
      const raw = request.cookies[cookieName];
      if (!raw) return undefined;
      const unsigned = request.unsignCookie(raw);
      if (!unsigned.valid || !unsigned.value) return undefined;
      const [accountId = "", expires = ""] = unsigned.value.split(".");
      return Number(expires) > Date.now() && isUuid(accountId) ? accountId : undefined;
    },

    end(reply: FastifyReply, secure: boolean): void {
      reply.clearCookie(cookieName, { path: "/", httpOnly: true, sameSite: "lax", secure });
    },
  };
}

const citizenSecondStep = secondStepCookie("rathaus_2fa");
export const startSecondStep = citizenSecondStep.start;
export const pendingSecondStep = citizenSecondStep.pending;
export const endSecondStep = citizenSecondStep.end;
