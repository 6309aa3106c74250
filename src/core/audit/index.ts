export type { ActorType, AuditRow, AuditTables } from "./audit.schema.ts";
export { type AuditEvent, type AuditLog, createAuditLog, listAudit, recordAudit } from "./audit.ts";
