import type { AuditLog } from "#core/audit/index.ts";
import type { PasskeyService, ThrottleService, TotpService } from "#modules/identity/auth-kit.ts";
import type { TenantsService } from "#modules/tenants/index.ts";
import type { DepartmentsService } from "./departments.service.ts";
import type { StaffService } from "./staff.service.ts";
import type { StaffOwner, StaffSessions } from "./staff-sessions.ts";

/** What every back-office route gets. */
export interface StaffRouteOptions {
  staff: StaffService;
  departments: DepartmentsService;
  sessions: StaffSessions;
  totp: TotpService<StaffOwner>;
  /** The passkey service of one municipality's staff. */
  passkeys: (tenantId: string) => PasskeyService;
  throttle: ThrottleService;
  tenants: TenantsService;
  audit: AuditLog;
  publicUrl: string;
  secureCookies: boolean;
}
