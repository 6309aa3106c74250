import type { Generated, Selectable } from "kysely";
import type { PasskeyColumns, SessionColumns, TotpColumns } from "#modules/identity/auth-kit.ts";
import type { Role } from "./permissions.ts";

export interface DepartmentsTable {
  tenant_id: string;
  id: string;
  name: string;
  email: Generated<string>;
  phone: Generated<string>;
  created_at: Generated<Date>;
}

export type StaffStatus = "invited" | "active" | "disabled";

export interface StaffMembersTable extends TotpColumns {
  tenant_id: string;
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  status: Generated<StaffStatus>;
  last_login_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface StaffRolesTable {
  tenant_id: string;
  staff_id: string;
  role: Role;
}

export interface StaffDepartmentsTable {
  tenant_id: string;
  staff_id: string;
  department_id: string;
}

export interface StaffSessionsTable extends SessionColumns {
  tenant_id: string;
  staff_id: string;
}

export interface StaffRecoveryCodesTable {
  tenant_id: string;
  staff_id: string;
  code_hash: string;
  used_at: Date | null;
}

export interface StaffPasskeysTable extends PasskeyColumns {
  tenant_id: string;
  staff_id: string;
}

export interface StaffInvitationsTable {
  tenant_id: string;
  staff_id: string;
  token_hash: string;
  expires_at: Date;
  used_at: Date | null;
  created_at: Generated<Date>;
}

export interface StaffTables {
  departments: DepartmentsTable;
  staff_members: StaffMembersTable;
  staff_roles: StaffRolesTable;
  staff_departments: StaffDepartmentsTable;
  staff_sessions: StaffSessionsTable;
  staff_recovery_codes: StaffRecoveryCodesTable;
  staff_invitations: StaffInvitationsTable;
  staff_passkeys: StaffPasskeysTable;
}

export type StaffMemberRow = Selectable<StaffMembersTable>;
export type StaffSessionRow = Selectable<StaffSessionsTable>;
export type DepartmentRow = Selectable<DepartmentsTable>;
