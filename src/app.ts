import { randomUUID } from "node:crypto";
import { join } from "node:path";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import { type Config, type OidcConfig, usesHttps } from "./config.ts";
import { type AuditLog, createAuditLog } from "./core/audit/index.ts";
import type { DatabaseHandle } from "./core/db/connect.ts";
import { createFileServices, type FileServices } from "./core/files/index.ts";
import { registerErrorHandling, respondWithError } from "./core/http/error-handler.ts";
import { BadRequest } from "./core/http/errors.ts";
import { languagePlugin } from "./core/http/language.ts";
import { openApiRoutes } from "./core/http/openapi.ts";
import { operationsPlugin } from "./core/http/operations.ts";
import { isValidHost, requestedHost, requestIdFrom } from "./core/http/request-context.ts";
import { securityHeadersSetter, securityPlugin } from "./core/http/security.ts";
import { staticAssets } from "./core/http/static-assets.ts";
import { negotiateLang } from "./core/i18n/lang.ts";
import { runHourly } from "./core/jobs/hourly.ts";
import { createJobQueue, type JobQueue } from "./core/jobs/index.ts";
import { createMailer, devMailRoutes, type Mailer } from "./core/mail/index.ts";
import { devIdpRoutes } from "./dev-idp/dev-idp.routes.tsx";
import { devPayRoutes } from "./dev-pay/dev-pay.routes.tsx";
import {
  type ApplicationServices,
  applicationPaths,
  createApplicationServices,
  feeDecisionBackOffice,
  registerApplications,
} from "./modules/applications/index.ts";
import {
  type CatalogServiceApi,
  catalogOpenApi,
  createCatalogServices,
  registerCatalog,
} from "./modules/catalog/index.ts";
import { createFormsService, type FormsService } from "./modules/forms/index.ts";
import {
  createIdentityServices,
  type IdentityServices,
  isOidcCallback,
  oidcPaths,
  registerIdentity,
} from "./modules/identity/index.ts";
import { createOperatorServices, type OperatorServices, registerOperator } from "./modules/operator/index.ts";
import {
  createPaymentProviders,
  createPaymentsService,
  createTreasuryService,
  type PaymentsService,
  paymentsBackOffice,
  registerPayments,
  type TreasuryService,
  treasuryOpenApi,
} from "./modules/payments/index.ts";
import { createStaffServices, registerStaff, type StaffServices } from "./modules/staff/index.ts";
import {
  createTenantsService,
  installationChrome,
  rewriteForHostname,
  type TenantsService,
  tenantsRoutes,
} from "./modules/tenants/index.ts";
import { markApplicationPaid } from "./workflows/pay-fee.ts";

export interface Services {
  tenants: TenantsService;
  jobs: JobQueue;
  mail: Mailer;
  identity: IdentityServices;
  staff: StaffServices;
  operator: OperatorServices;
  audit: AuditLog;
  files: FileServices;
  catalog: CatalogServiceApi;
  forms: FormsService;
  applications: ApplicationServices;
  payments: PaymentsService;
  treasury: TreasuryService;
}

/** The composition root: every service, built explicitly from the database. */
export function createServices(database: DatabaseHandle, config: Config): Services {
  const jobs = createJobQueue(database.db);
  const mail = createMailer(config, database.db, jobs);
  const sessionPolicy = { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours };
  const tenants = createTenantsService(database.db);
  const files = createFileServices(database.db, { root: join(config.dataDir, "files"), clamd: config.clamd });
  const staff = createStaffServices(database.db, mail, tenants, sessionPolicy, config.sessionSecret);
  const applications = createApplicationServices(database.db, files.store, {
    draftLifetimeDays: config.draftLifetimeDays,
  });
  return {
    tenants,
    jobs,
    mail,
    identity: createIdentityServices(database.db, mail, sessionPolicy, config.sessionSecret, config.oidc),
    staff,
    operator: createOperatorServices({
      db: database.db,
      mailer: mail,
      tenants,
      staff: staff.staff,
      sessionPolicy,
      serverSecret: config.sessionSecret,
      publicUrl: config.publicUrl,
    }),
    audit: createAuditLog(database.db),
    files,
    catalog: createCatalogServices(database.db),
    forms: createFormsService(database.db),
    applications,
    payments: createPaymentsService(database.db, {
      providers: createPaymentProviders(config.payments),
      jobs,
      attemptMinutes: config.payments.attemptMinutes,
      onSucceeded: markApplicationPaid({ applications: applications.applications, jobs }),
    }),
    treasury: createTreasuryService(database.db),
  };
}

const fallbackChrome = (request: FastifyRequest) => installationChrome(request.lang);

/** The demo identity provider at /_dev/idp, with this installation registered as its one client. */
function demoIdentityProvider(config: Config, oidc: OidcConfig, services: Services) {
  return {
    issuer: oidc.issuer,
    client: {
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      name: "Digitales Rathaus",
      redirectUriTemplate: `${config.publicUrl}${oidcPaths.callback("/{slug}")}`,
      redirectUriAllowed: (uri: string) =>
        isOidcCallback(uri, config.publicUrl, services.tenants.slugForHostname),
    },
    serverSecret: config.sessionSecret,
    trustProxy: config.trustProxy,
    chrome: installationChrome,
  };
}

export async function buildApp(
  config: Config,
  database: DatabaseHandle,
  services: Services,
): Promise<FastifyInstance> {
  const secureCookies = usesHttps(config);
  const securityOptions = { cookieSecret: config.sessionSecret, secureCookies };
  const setSecurityHeaders = securityHeadersSetter(securityOptions);
  const app = Fastify({
    logger: { level: config.logLevel, redact: ["req.headers.cookie", "req.headers.authorization"] },
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    routerOptions: { maxParamLength: 200 },
    genReqId: (req) => requestIdFrom(req.headers["x-request-id"], randomUUID),
    // Malformed percent-encoding and over-long path segments are rejected by the router before any hook:
    // answer them like every other error (a page, or problem+json under /api/), not with Fastify's JSON.
    // They skip the hooks too, so the language is negotiated here.
    frameworkErrors: (error, request, reply) => {
      request.lang = negotiateLang(undefined, request.headers["accept-language"]);
      reply.header("x-request-id", request.id);
      setSecurityHeaders(request, reply);
      Promise.resolve(respondWithError(error, request, reply, fallbackChrome)).catch(() =>
        reply.raw.writeHead(400).end(),
      );
    },
    rewriteUrl: (req) =>
      rewriteForHostname(
        req.url ?? "/",
        requestedHost(req.headers, config.trustProxy),
        services.tenants.slugForHostname,
      ),
  });
  app.decorateRequest("chrome", undefined);
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  await app.register(securityPlugin, securityOptions);
  await app.register(languagePlugin, { secureCookies });
  // A malformed Host header is answered with 400 before anything looks at it (tenant by hostname, links).
  app.addHook("onRequest", async (request) => {
    if (!isValidHost(requestedHost(request.headers, config.trustProxy)))
      throw BadRequest("The Host header is not a valid host name.");
  });
  await app.register(operationsPlugin, { database });
  await app.register(staticAssets);
  registerErrorHandling(app, fallbackChrome);
  // Queued jobs (mail, …) run while the app runs; closing the app lets the running ones finish first.
  app.addHook("onReady", async () => services.jobs.start(app.log));
  app.addHook("onClose", async () => services.jobs.stop());
  runHourly(app, "stored files", () => services.files.store.purge());
  if (config.env !== "production") {
    await app.register(devMailRoutes, {
      mailbox: services.mail.devMailbox,
      smtpActive: services.mail.transport === "smtp",
      chrome: fallbackChrome,
    });
    if (config.oidc?.embedded)
      await app.register(devIdpRoutes, demoIdentityProvider(config, config.oidc, services));
    const epay = config.payments.epay;
    if (epay?.embedded)
      await app.register(devPayRoutes, { url: epay.url, secret: epay.secret, chrome: installationChrome });
  }

  await registerIdentity(app, {
    ...services.identity,
    tenants: services.tenants,
    audit: services.audit,
    publicUrl: config.publicUrl,
    secureCookies,
  });
  await registerStaff(app, {
    ...services.staff,
    tenants: services.tenants,
    audit: services.audit,
    publicUrl: config.publicUrl,
    secureCookies,
    areas: [
      paymentsBackOffice({
        payments: services.payments,
        treasury: services.treasury,
        catalog: services.catalog,
        staff: services.staff.staff,
        audit: services.audit,
        publicUrl: config.publicUrl,
      }),
      feeDecisionBackOffice({
        db: database.db,
        applications: services.applications.applications,
        payments: services.payments,
        catalog: services.catalog,
        mailer: services.mail,
        publicUrl: config.publicUrl,
      }),
    ],
  });
  await registerOperator(app, { ...services.operator, secureCookies });
  await app.register(tenantsRoutes, {
    tenants: services.tenants,
    myTownHallHref: applicationPaths.overview(),
  });
  await registerCatalog(app, {
    catalog: services.catalog,
    tenants: services.tenants,
    publicUrl: config.publicUrl,
  });
  await registerApplications(app, {
    ...services.applications,
    db: database.db,
    forms: services.forms,
    files: services.files,
    catalog: services.catalog,
    payments: services.payments,
    profile: services.identity.profile,
    oidc: services.identity.oidc,
    mailer: services.mail,
    jobs: services.jobs,
    tenants: services.tenants,
    publicUrl: config.publicUrl,
    secureCookies,
  });
  await registerPayments(app, {
    payments: services.payments,
    tenants: services.tenants,
    treasury: services.treasury,
    db: database.db,
    jobs: services.jobs,
    mailer: services.mail,
    files: services.files.store,
  });
  await app.register(openApiRoutes, {
    contributions: [catalogOpenApi, treasuryOpenApi],
    publicUrl: config.publicUrl,
  });
  return app;
}
