/**
 * The one permission matrix of the back office: which role may do what. Every staff route names the
 * permission it needs (`requirePermission`), never a role, so changing who may do what happens here alone.
 */
export const roles = [
  "admin",
  "clerk",
  "department_lead",
  "council_office",
  "council_member",
  "treasury",
] as const;
export type Role = (typeof roles)[number];

export const permissionMatrix = {
  /** Sign in to the back office and see its start page. */
  "backoffice.enter": ["admin", "clerk", "department_lead", "council_office", "council_member", "treasury"],
  /** Invite staff, change their roles and departments, disable them, reset their access. */
  "staff.manage": ["admin"],
  /** Create and rename departments. */
  "departments.manage": ["admin"],
  /** Read the municipality's audit log. */
  "audit.read": ["admin"],
  /** Work on applications of one's own departments (back office issue). */
  "cases.work": ["clerk", "department_lead"],
  /** Set (or waive) the fees billed after the decision, for applications of one's own departments. */
  "fees.decide": ["clerk", "department_lead"],
  /** Assign applications to clerks and decide on behalf of a department. */
  "cases.assign": ["department_lead"],
  /** See payments, their history and sums, and download the treasury's daily export. */
  "payments.read": ["admin", "department_lead", "treasury"],
  /** Refund payments, fully or in part. */
  "payments.refund": ["department_lead", "treasury"],
  /** Create and revoke the API tokens of the treasury software. */
  "payments.tokens": ["admin"],
  /** Choose the payment platform and the Kassenzeichen pattern of the municipality. */
  "payments.settings": ["admin"],
  /** Manage bodies, meetings, agendas, papers and minutes (council issue). */
  "council.manage": ["council_office"],
  /** Read non-public council documents. */
  "council.read_internal": ["council_office", "council_member"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionMatrix;

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function can(held: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = permissionMatrix[permission];
  return held.some((role) => allowed.includes(role));
}

/** Everything the roles allow, in the matrix's order (shown on the start page). */
export function permissionsOf(held: readonly Role[]): Permission[] {
  return (Object.keys(permissionMatrix) as Permission[]).filter((permission) => can(held, permission));
}
