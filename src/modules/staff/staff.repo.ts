import { sql } from "kysely";
import { type TenantScope, tenantScope } from "#core/db/tenant-scope.ts";
import type { Db } from "#core/db/transaction.ts";
import type { Role } from "./permissions.ts";
import type { StaffStatus } from "./staff.schema.ts";

export interface StaffMember {
  id: string;
  email: string;
  displayName: string;
  status: StaffStatus;
  totpEnabled: boolean;
  lastLoginAt: Date | null;
  roles: Role[];
  departmentIds: string[];
}

const memberColumns = [
  "id",
  "email",
  "display_name",
  "status",
  "totp_enabled_at",
  "last_login_at",
  "password_hash",
] as const;

/** Members with their roles and departments; `id` narrows to one. */
export async function listMembers(scope: TenantScope, id?: string): Promise<StaffMember[]> {
  let query = scope.selectFrom("staff_members").select([...memberColumns]);
  if (id) query = query.where("id", "=", id);
  const [members, roleRows, departmentRows] = await Promise.all([
    query.orderBy("display_name").execute(),
    scope.selectFrom("staff_roles").select(["staff_id", "role"]).orderBy("role").execute(),
    scope.selectFrom("staff_departments").select(["staff_id", "department_id"]).execute(),
  ]);
  return members.map((m) => ({
    id: m.id,
    email: m.email,
    displayName: m.display_name,
    status: m.status,
    totpEnabled: m.totp_enabled_at !== null,
    lastLoginAt: m.last_login_at,
    roles: roleRows.filter((r) => r.staff_id === m.id).map((r) => r.role),
    departmentIds: departmentRows.filter((d) => d.staff_id === m.id).map((d) => d.department_id),
  }));
}

export function findByEmail(db: Db, tenantId: string, email: string) {
  return tenantScope(db, tenantId)
    .selectFrom("staff_members")
    .select(["id", "status", "password_hash", "totp_enabled_at"])
    .where("email", "=", email)
    .executeTakeFirst();
}

export function statusOf(db: Db, tenantId: string, staffId: string) {
  return tenantScope(db, tenantId)
    .selectFrom("staff_members")
    .select("status")
    .where("id", "=", staffId)
    .executeTakeFirst();
}

export async function replaceAssignments(
  scope: TenantScope,
  staffId: string,
  roles: readonly Role[],
  departmentIds: readonly string[],
): Promise<void> {
  await scope.deleteFrom("staff_roles").where("staff_id", "=", staffId).execute();
  await scope.deleteFrom("staff_departments").where("staff_id", "=", staffId).execute();
  if (roles.length) {
    await scope
      .insertInto(
        "staff_roles",
        roles.map((role) => ({ staff_id: staffId, role })),
      )
      .execute();
  }
  if (departmentIds.length) {
    await scope
      .insertInto(
        "staff_departments",
        departmentIds.map((department_id) => ({ staff_id: staffId, department_id })),
      )
      .execute();
  }
}

/** Active administrators other than `except`: the last one may not lose the role or be disabled. */
export async function otherActiveAdmins(scope: TenantScope, except: string): Promise<number> {
  const row = await scope
    .selectFrom("staff_roles")
    .innerJoin("staff_members", (join) =>
      join
        .onRef("staff_members.tenant_id", "=", "staff_roles.tenant_id")
        .onRef("staff_members.id", "=", "staff_roles.staff_id"),
    )
    .select(sql<string>`count(*)`.as("admins"))
    .where("staff_roles.role", "=", "admin")
    .where("staff_members.status", "=", "active")
    .where("staff_members.id", "!=", except)
    .executeTakeFirstOrThrow();
  return Number(row.admins);
}

export async function insertInvitation(scope: TenantScope, staffId: string, tokenHash: string, days: number) {
  await scope
    .updateTable("staff_invitations")
    .set({ used_at: new Date() })
    .where("staff_id", "=", staffId)
    .where("used_at", "is", null)
    .execute();
  await scope
    .insertInto("staff_invitations", {
      staff_id: staffId,
      token_hash: tokenHash,
      expires_at: new Date(Date.now() + days * 86_400_000),
    })
    .execute();
}

/** Marks a live invitation used; false when unknown, used or expired (so it works once). */
export async function useInvitation(scope: TenantScope, staffId: string, tokenHash: string) {
  const result = await scope
    .updateTable("staff_invitations")
    .set({ used_at: new Date() })
    .where("staff_id", "=", staffId)
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", new Date())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function liveInvitation(scope: TenantScope, staffId: string, tokenHash: string) {
  return scope
    .selectFrom("staff_invitations")
    .select("staff_id")
    .where("staff_id", "=", staffId)
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", new Date())
    .executeTakeFirst();
}
