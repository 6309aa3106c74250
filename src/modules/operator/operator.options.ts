import type { ThrottleService, TotpService } from "#modules/identity/auth-kit.ts";
import type { MunicipalitiesService } from "./municipalities.service.ts";
import type { OperatorService } from "./operator.service.ts";
import type { OperatorOwner, OperatorSessions } from "./operator-sessions.ts";

/** What every route of the operator console gets. */
export interface OperatorRouteOptions {
  operators: OperatorService;
  municipalities: MunicipalitiesService;
  sessions: OperatorSessions;
  totp: TotpService<OperatorOwner>;
  throttle: ThrottleService;
  secureCookies: boolean;
}
