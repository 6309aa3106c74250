import { isUuid } from "#core/db/ids.ts";
import type { Db } from "#core/db/transaction.ts";
import {
  createPasskeyService,
  createSessionCore,
  type OwnerCodec,
  passkeyChallengeStore,
  passkeyTableStore,
  type SessionInfo,
  type SessionPolicy,
  secondStepCookie,
  sessionTableStore,
  type TotpTables,
} from "#modules/identity/auth-kit.ts";
import type { StaffSessionRow } from "./staff.schema.ts";

/** A staff account is addressed by its municipality and its id, in every table and in the cookie. */
export interface StaffOwner {
  tenantId: string;
  staffId: string;
}

export type StaffSession = StaffOwner & SessionInfo;

/** The cookie names the municipality, so another municipality's session is recognised as such (and refused). */
const staffCodec: OwnerCodec<StaffOwner> = {
  encode: ({ tenantId, staffId }) => `${tenantId}.${staffId}`,
  decode(value) {
    const [tenantId = "", staffId = "", ...rest] = value.split(".");
    return rest.length === 0 && isUuid(tenantId) && isUuid(staffId) ? { tenantId, staffId } : undefined;
  },
};

export function createStaffSessions(db: Db, policy: SessionPolicy) {
  const store = sessionTableStore<StaffOwner, StaffSessionRow>(db, "staff_sessions", staffKey);
  return createSessionCore(store, staffCodec, policy);
}

export type StaffSessions = ReturnType<typeof createStaffSessions>;

const staffKey = ({ tenantId, staffId }: StaffOwner) => ({ tenant_id: tenantId, staff_id: staffId });

export const staffTotpTables: TotpTables<StaffOwner> = {
  accounts: "staff_members",
  recoveryCodes: "staff_recovery_codes",
  accountKey: ({ tenantId, staffId }) => ({ tenant_id: tenantId, id: staffId }),
  recoveryKey: staffKey,
};

/**
 * The passkeys of one municipality's staff. Each municipality is its own kind of account, so a challenge made
 * at one municipality's sign-in never serves another's, and a staff id is only looked up in its municipality.
 */
export function staffPasskeys(db: Db) {
  const challenges = passkeyChallengeStore(db);
  return (tenantId: string) =>
    createPasskeyService(
      passkeyTableStore(db, "staff_passkeys", `staff:${tenantId}`, (staffId) =>
        isUuid(staffId) ? { tenant_id: tenantId, staff_id: staffId } : undefined,
      ),
      challenges,
    );
}

/** Between password and code, separate from a citizen's pending sign-in in the same browser. */
export const staffSecondStep = secondStepCookie("rathaus_staff_2fa");
