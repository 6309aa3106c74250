import type { TestApp } from "./server.ts";

/**
 * The demo "Meldebescheinigung" (a service that needs verified data) with its fee only shown and recorded:
 * paying before sending belongs to the payments tests, the verified-data tests walk to the confirmation.
 */
export const withoutPayment = (t: TestApp) =>
  t.database.db
    .updateTable("catalog_services")
    .set({ payment_policy: "none" })
    .where("slug", "=", "meldebescheinigung")
    .execute();
