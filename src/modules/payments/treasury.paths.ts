import { staffPaths } from "#modules/staff/index.ts";

/** Named routes of the staff's payment pages (relative to a municipality's base) and the treasury API. */
export const treasuryPaths = {
  payments: staffPaths.payments,
  payment: (base: string, id: string) => `${staffPaths.payments(base)}/${id}`,
  refund: (base: string, id: string) => `${staffPaths.payments(base)}/${id}/erstattung`,
  dailyExport: (base: string) => `${staffPaths.payments(base)}/tagesabschluss`,
  tokens: (base: string) => `${staffPaths.payments(base)}/schnittstelle`,
  settings: (base: string) => `${staffPaths.payments(base)}/einstellungen`,
  revokeToken: (base: string, id: string) => `${staffPaths.payments(base)}/schnittstelle/${id}/widerruf`,
  /** The JSON bookings of a day for the treasury software (bearer token). */
  bookings: (slug: string) => `/api/v1/${encodeURIComponent(slug)}/treasury/bookings`,
};
