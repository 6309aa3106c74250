import { uuidv7 } from "#core/db/ids.ts";
import { type TenantScope, tenantScope } from "#core/db/tenant-scope.ts";
import type { Db } from "#core/db/transaction.ts";
import type { ActorType, AuditRow } from "./audit.schema.ts";

export interface AuditEvent {
  tenantId: string;
  actor: { type: ActorType; id?: string };
  /** `<domain>.<verb>`, e.g. `citizen.login_failed`. */
  action: string;
  /** What the action was about, e.g. the e-mail address tried or a case number. */
  target?: string;
  ip?: string;
  requestId?: string;
  /** Never secrets: no passwords, tokens or codes. */
  details?: Record<string, string | number | boolean>;
}

const actionPattern = /^[a-z_]+\.[a-z_]+$/;

/** Appends an event; pass the transaction of the action itself where there is one, so both land together. */
export async function recordAudit(executor: Db, event: AuditEvent): Promise<void> {
  if (!actionPattern.test(event.action)) throw new Error(`Invalid audit action "${event.action}"`);
  await tenantScope(executor, event.tenantId)
    .insertInto("audit_log", {
      id: uuidv7(),
      actor_type: event.actor.type,
      actor_id: event.actor.id ?? null,
      action: event.action,
      target: event.target?.slice(0, 300) ?? null,
      ip: event.ip?.slice(0, 64) ?? null,
      request_id: event.requestId?.slice(0, 64) ?? null,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

/** Newest first, one page; `before` is the id of the last row of the previous page (ids are time-ordered). */
export async function listAudit(
  scope: TenantScope,
  options: { limit?: number; before?: string; actorId?: string } = {},
): Promise<AuditRow[]> {
  let query = scope.selectFrom("audit_log").selectAll();
  if (options.before) query = query.where("id", "<", options.before);
  if (options.actorId) query = query.where("actor_id", "=", options.actorId);
  return query
    .orderBy("id", "desc")
    .limit(Math.min(options.limit ?? 50, 500))
    .execute();
}

export type AuditLog = ReturnType<typeof createAuditLog>;

/** The audit log as a service for routes and workflows (which do not touch the database themselves). */
export function createAuditLog(db: Db) {
  return {
    record: (event: AuditEvent) => recordAudit(db, event),
    list: (tenantId: string, options?: Parameters<typeof listAudit>[1]) =>
      listAudit(tenantScope(db, tenantId), options),
  };
}
