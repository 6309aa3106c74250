import type { FastifyInstance } from "fastify";
import type { Db } from "#core/db/transaction.ts";
import type { FileStore } from "#core/files/index.ts";
import { runHourly } from "#core/jobs/hourly.ts";
import { registerTenantScoped, type TenantsService } from "#modules/tenants/index.ts";
import { createApplicationsService } from "./applications.service.ts";
import { createDraftsService } from "./drafts.service.ts";
import { feePaymentRoutes } from "./fee-payment.routes.tsx";
import type { ApplicationRouteOptions } from "./flow-context.ts";
import { myTownHallRoutes } from "./my-town-hall.routes.tsx";
import { overviewRoutes } from "./overview.routes.tsx";
import { handleReceipts } from "./receipt.ts";
import { reviewRoutes } from "./review.routes.tsx";
import { saveRoutes } from "./save.routes.tsx";
import { startRoutes } from "./start.routes.tsx";
import { statusRoutes } from "./status.routes.tsx";
import { stepRoutes } from "./steps.routes.tsx";

export { applicationPaths } from "./applications.paths.ts";
export type { ApplicationStatus, ApplicationsTables } from "./applications.schema.ts";
export {
  type Application,
  type ApplicationsService,
  applicationFiles,
  type FrozenSummary,
} from "./applications.service.ts";
export { type Draft, type DraftsService, draftFiles } from "./drafts.service.ts";
export { feeDecisionMail } from "./fee-decision.mail.ts";
export { feeDecisionBackOffice } from "./fee-decision.routes.tsx";
export { type FeeSummary, feeSummary, opensPaymentAtSubmission, paysBeforeSubmission } from "./fees.ts";
export { receiptQueue } from "./receipt.ts";

export function createApplicationServices(db: Db, files: FileStore, options: { draftLifetimeDays: number }) {
  return {
    drafts: createDraftsService(db, files, { lifetimeDays: options.draftLifetimeDays }),
    applications: createApplicationsService(db),
  };
}

export type ApplicationServices = ReturnType<typeof createApplicationServices>;

/**
 * Online applications of every municipality: start, steps, review, send, confirmation, Mein Rathaus; and
 * the installation-wide Mein Rathaus at /mein-rathaus.
 */
export async function registerApplications(
  app: FastifyInstance,
  opts: ApplicationRouteOptions & { tenants: TenantsService },
): Promise<void> {
  runHourly(app, "expired drafts", () => opts.drafts.purgeExpired());
  handleReceipts({ ...opts, files: opts.files.store });
  await app.register(overviewRoutes, opts);
  await registerTenantScoped(app, opts.tenants, async (scoped) => {
    await scoped.register(startRoutes, opts);
    await scoped.register(stepRoutes, opts);
    await scoped.register(reviewRoutes, opts);
    await scoped.register(saveRoutes, opts);
    await scoped.register(myTownHallRoutes, opts);
    await scoped.register(feePaymentRoutes, opts);
    await scoped.register(statusRoutes, opts);
  });
}
