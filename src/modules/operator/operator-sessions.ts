import { isUuid } from "#core/db/ids.ts";
import type { Db } from "#core/db/transaction.ts";
import {
  createSessionCore,
  type OwnerCodec,
  type SessionInfo,
  type SessionPolicy,
  secondStepCookie,
  sessionTableStore,
  type TotpTables,
} from "#modules/identity/auth-kit.ts";
import type { OperatorSessionRow } from "./operator.schema.ts";

export interface OperatorOwner {
  operatorId: string;
}

export type OperatorSession = OperatorOwner & SessionInfo;

const operatorCodec: OwnerCodec<OperatorOwner> = {
  encode: ({ operatorId }) => operatorId,
  decode: (value) => (isUuid(value) ? { operatorId: value } : undefined),
};

const operatorKey = ({ operatorId }: OperatorOwner) => ({ operator_id: operatorId });

export function createOperatorSessions(db: Db, policy: SessionPolicy) {
  const store = sessionTableStore<OperatorOwner, OperatorSessionRow>(db, "operator_sessions", operatorKey);
  return createSessionCore(store, operatorCodec, policy);
}

export type OperatorSessions = ReturnType<typeof createOperatorSessions>;

export const operatorTotpTables: TotpTables<OperatorOwner> = {
  accounts: "operators",
  recoveryCodes: "operator_recovery_codes",
  accountKey: ({ operatorId }) => ({ id: operatorId }),
  recoveryKey: operatorKey,
};

/** Cookies of their own, next to a citizen's and a member of staff's in the same browser. */
export const operatorCookie = "rathaus_operator_sid";
export const operatorSecondStep = secondStepCookie("rathaus_operator_2fa");
