import type { ColumnType, Generated, Selectable } from "kysely";

export type ActorType = "anonymous" | "citizen" | "staff" | "operator" | "system";

export interface AuditLogTable {
  tenant_id: string;
  id: string;
  occurred_at: Generated<Date>;
  actor_type: ActorType;
  actor_id: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  request_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}

export type AuditRow = Selectable<AuditLogTable>;
