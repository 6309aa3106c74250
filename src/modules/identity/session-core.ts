import { hashSecret, newSecret } from "#core/secrets.ts";
import type { AuthMethod } from "./identity.schema.ts";

export interface SessionPolicy {
  /** A session ends after this long without a request. */
  idleMinutes: number;
  /** ... and in any case this long after sign-in. */
  maxHours: number;
}

/** What is known of a live session, whoever it belongs to. */
export interface SessionInfo {
  idHash: string;
  authMethod: AuthMethod;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string;
  userAgent: string;
}

export interface SessionRecord {
  id_hash: string;
  auth_method: AuthMethod;
  created_at: Date;
  last_seen_at: Date;
  ip: string;
  user_agent: string;
}

/** The session table of one kind of account (citizens, staff of a municipality, operators). */
export interface SessionStore<Owner, Row extends SessionRecord> {
  insert(
    owner: Owner,
    row: { id_hash: string; expires_at: Date; auth_method: AuthMethod; ip: string; user_agent: string },
  ): Promise<void>;
  findLive(owner: Owner, idHash: string, idleSince: Date): Promise<Row | undefined>;
  touch(owner: Owner, idHash: string): Promise<void>;
  revoke(owner: Owner, idHash: string): Promise<boolean>;
  /** Ends every session of the owner except `keepIdHash` (none kept when undefined). */
  revokeOthers(owner: Owner, keepIdHash?: string): Promise<number>;
  listLive(owner: Owner, idleSince: Date): Promise<Row[]>;
}

/** How an owner is written into the cookie in front of the secret, and read back. */
export interface OwnerCodec<Owner> {
  encode(owner: Owner): string;
  decode(value: string): Owner | undefined;
}

/** Seen-at updates are written at most this often, not on every request. */
const touchIntervalMs = 60_000;
const secretPattern = /^[A-Za-z0-9_-]{43}$/;

/**
 * Server-side sessions: the cookie holds "<owner>.<secret>", the database only the secret's hash, so
 * sessions can be listed and ended and are gone when revoked, unlike signed cookies.
 */
export function createSessionCore<Owner, Row extends SessionRecord>(
  store: SessionStore<Owner, Row>,
  codec: OwnerCodec<Owner>,
  policy: SessionPolicy,
) {
  const idleSince = () => new Date(Date.now() - policy.idleMinutes * 60_000);

  function parse(cookieValue: unknown): { owner: Owner; secret: string } | undefined {
    if (typeof cookieValue !== "string" || cookieValue.length > 200) return undefined;
    const cut = cookieValue.lastIndexOf(".");
    const secret = cookieValue.slice(cut + 1);
    const owner = cut > 0 ? codec.decode(cookieValue.slice(0, cut)) : undefined;
    return owner && secretPattern.test(secret) ? { owner, secret } : undefined;
  }

  return {
    policy,
    parse,

    /** A new session with a new id (never reusing one from before sign-in: no session fixation). */
    async start(owner: Owner, authMethod: AuthMethod, meta: { ip: string; userAgent: string }) {
      const secret = newSecret();
      await store.insert(owner, {
        id_hash: hashSecret(secret),
        expires_at: new Date(Date.now() + policy.maxHours * 3_600_000),
        auth_method: authMethod,
        ip: meta.ip.slice(0, 64),
        user_agent: meta.userAgent.slice(0, 300),
      });
      return `${codec.encode(owner)}.${secret}`;
    },

    /** The live session a cookie names, with its owner; undefined when unknown, ended or expired. */
    async resolve(cookieValue: unknown): Promise<(Owner & SessionInfo) | undefined> {
      const parsed = parse(cookieValue);
      if (!parsed) return undefined;
      const row = await store.findLive(parsed.owner, hashSecret(parsed.secret), idleSince());
      if (!row) return undefined;
      if (Date.now() - row.last_seen_at.getTime() > touchIntervalMs) {
        await store.touch(parsed.owner, row.id_hash);
      }
      return {
        ...parsed.owner,
        idHash: row.id_hash,
        authMethod: row.auth_method,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        ip: row.ip,
        userAgent: row.user_agent,
      };
    },

    end: async (session: Owner & Pick<SessionInfo, "idHash">) => {
      await store.revoke(session, session.idHash);
    },
    endOne: (owner: Owner, idHash: string) => store.revoke(owner, idHash),
    /** Ends the owner's sessions on every other device (after a password change, or on request). */
    endOthers: (owner: Owner, keep?: Pick<SessionInfo, "idHash">) => store.revokeOthers(owner, keep?.idHash),
    list: (owner: Owner) => store.listLive(owner, idleSince()),
  };
}
