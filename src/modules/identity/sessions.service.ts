import { isUuid } from "#core/db/ids.ts";
import type { Db } from "#core/db/transaction.ts";
import type { AuthMethod } from "./identity.schema.ts";
import { createSessionCore, type OwnerCodec, type SessionInfo, type SessionPolicy } from "./session-core.ts";
import { type CitizenOwner, citizenSessionStore } from "./sessions.repo.ts";

export type { SessionPolicy } from "./session-core.ts";

export type CitizenSession = CitizenOwner & SessionInfo;

/** The cookie carries the citizen id next to the secret: it addresses the row (tables are keyed by citizen). */
const citizenCodec: OwnerCodec<CitizenOwner> = {
  encode: ({ citizenId }) => citizenId,
  decode: (value) => (isUuid(value) ? { citizenId: value } : undefined),
};

export type SessionsService = ReturnType<typeof createSessionsService>;

/** Citizens' sessions: the session core over the citizen session table, addressed by citizen id. */
export function createSessionsService(db: Db, policy: SessionPolicy) {
  const core = createSessionCore(citizenSessionStore(db), citizenCodec, policy);
  return {
    policy,
    resolve: core.resolve,
    end: core.end,
    start: (citizenId: string, authMethod: AuthMethod, meta: { ip: string; userAgent: string }) =>
      core.start({ citizenId }, authMethod, meta),
    endOthers: (citizenId: string, keep?: Pick<SessionInfo, "idHash">) => core.endOthers({ citizenId }, keep),
    endOne: (citizenId: string, idHash: string) => core.endOne({ citizenId }, idHash),
    list: (citizenId: string) => core.list({ citizenId }),
  };
}
