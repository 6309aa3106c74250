import type { FastifyReply, FastifyRequest } from "fastify";
import type { FieldError } from "#core/http/errors.ts";
import { format } from "#core/i18n/messages.ts";
import type { SignedInFrame } from "#core/views/signed-in-page.tsx";
import { tenantContext } from "#modules/tenants/index.ts";
import { can, type Permission } from "./permissions.ts";
import { currentStaff } from "./staff.http.ts";
import { staffMessages } from "./staff.messages.ts";
import { staffPaths } from "./staff.paths.ts";

const areas: {
  permission: Permission;
  href: (base: string) => string;
  label: "staffNav" | "departmentsNav" | "auditNav" | "paymentsNav" | "feesNav";
}[] = [
  { permission: "staff.manage", href: staffPaths.staff, label: "staffNav" },
  { permission: "departments.manage", href: staffPaths.departments, label: "departmentsNav" },
  { permission: "audit.read", href: staffPaths.audit, label: "auditNav" },
  { permission: "payments.read", href: staffPaths.payments, label: "paymentsNav" },
  { permission: "fees.decide", href: staffPaths.fees, label: "feesNav" },
];

/** The frame of a signed-in back-office page: name, the areas the roles allow, sign-out. */
export function backOfficeFrame(
  request: FastifyRequest,
  reply: FastifyReply,
  extras: { notice?: string; errors?: FieldError[] } = {},
): SignedInFrame {
  const { base } = tenantContext(request);
  const { member } = currentStaff(request);
  const t = staffMessages[request.lang];
  const nav = [
    { href: staffPaths.home(base), label: t.backOffice },
    ...areas
      .filter((area) => can(member.roles, area.permission))
      .map((area) => ({ href: area.href(base), label: t[area.label] })),
    { href: staffPaths.ownAccess(base), label: t.ownAccessNav },
  ];
  return {
    path: request.url.split("?")[0] ?? staffPaths.home(base),
    csrfToken: reply.generateCsrf(),
    signedInAs: format(t.signedInAs, { name: member.displayName }),
    navLabel: t.navHeading,
    logoutLabel: t.logout,
    nav,
    logoutAction: staffPaths.logout(base),
    ...extras,
  };
}
