import type { Db } from "#core/db/transaction.ts";
import type { AuthMethod } from "./identity.schema.ts";
import { composeSecret, hashSecret, newSecret, parseSecret } from "./secrets.ts";
import * as repo from "./sessions.repo.ts";

export interface SessionPolicy {
  /** A session ends after this long without a request. */
  idleMinutes: number;
  /** ... and in any case this long after sign-in. */
  maxHours: number;
}

export interface CitizenSession {
  citizenId: string;
  idHash: string;
  authMethod: AuthMethod;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string;
  userAgent: string;
}

/** Seen-at updates are written at most this often, not on every request. */
const touchIntervalMs = 60_000;

export type SessionsService = ReturnType<typeof createSessionsService>;

/**
 * Server-side sessions: the cookie holds "<citizen id>.<secret>", the database only the secret's hash,
 * so sessions can be listed and ended by the citizen and are gone when revoked, unlike signed cookies.
 */
export function createSessionsService(db: Db, policy: SessionPolicy) {
  const idleSince = () => new Date(Date.now() - policy.idleMinutes * 60_000);

  return {
    policy,

    /** A new session with a new id (never reusing one from before sign-in: no session fixation). */
    async start(citizenId: string, authMethod: AuthMethod, meta: { ip: string; userAgent: string }) {
      const secret = newSecret();
      await repo.insertSession(db, {
        citizen_id: citizenId,
        id_hash: hashSecret(secret),
        expires_at: new Date(Date.now() + policy.maxHours * 3_600_000),
        auth_method: authMethod,
        ip: meta.ip.slice(0, 64),
        user_agent: meta.userAgent.slice(0, 300),
      });
      return composeSecret({ citizenId, secret });
    },

    async resolve(cookieValue: unknown): Promise<CitizenSession | undefined> {
      const parsed = parseSecret(cookieValue);
      if (!parsed) return undefined;
      const idHash = hashSecret(parsed.secret);
      const row = await repo.findLiveSession(db, parsed.citizenId, idHash, idleSince());
      if (!row) return undefined;
      if (Date.now() - row.last_seen_at.getTime() > touchIntervalMs) {
        await repo.touchSession(db, row.citizen_id, row.id_hash);
      }
      return {
        citizenId: row.citizen_id,
        idHash: row.id_hash,
        authMethod: row.auth_method,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        ip: row.ip,
        userAgent: row.user_agent,
      };
    },

    async end(session: Pick<CitizenSession, "citizenId" | "idHash">): Promise<void> {
      await repo.revokeSession(db, session.citizenId, session.idHash);
    },

    /** Ends the citizen's sessions on every other device (after a password change, or on request). */
    endOthers: (citizenId: string, keep?: Pick<CitizenSession, "idHash">) =>
      repo.revokeOtherSessions(db, citizenId, keep?.idHash),

    async endOne(citizenId: string, idHash: string): Promise<boolean> {
      return repo.revokeSession(db, citizenId, idHash);
    },

    list: (citizenId: string) => repo.listLiveSessions(db, citizenId, idleSince()),
  };
}
