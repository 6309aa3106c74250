import { hashPassword } from "#modules/identity/auth-kit.ts";
import type { Role, StaffServices } from "#modules/staff/index.ts";
import type { Tenant } from "#modules/tenants/index.ts";

/** Signs in every demo account; the second factor is set up at the first sign-in, as for real staff. */
export const demoStaffPassword = "Rathaus-Demo-2026";
let demoPasswordHash: Promise<string> | undefined;

const departments = [
  { name: "Bürgerbüro", email: "buergerbuero", phone: "-120" },
  { name: "Ordnungsamt", email: "ordnungsamt", phone: "-130" },
  { name: "Bauamt", email: "bauamt", phone: "-140" },
  { name: "Finanzen und Stadtkasse", email: "stadtkasse", phone: "-150" },
  { name: "Büro der Stadtverordnetenversammlung", email: "sitzungsdienst", phone: "-110" },
];

const people: { name: string; local: string; roles: Role[]; departments: string[] }[] = [
  { name: "Andrea Admin", local: "admin", roles: ["admin"], departments: [] },
  {
    name: "Sabine Sachbearbeiterin",
    local: "sachbearbeitung",
    roles: ["clerk"],
    departments: ["Bürgerbüro"],
  },
  {
    name: "Frank Fachbereichsleiter",
    local: "fachbereichsleitung",
    roles: ["department_lead"],
    departments: ["Ordnungsamt", "Bürgerbüro"],
  },
  {
    name: "Sven Sitzungsdienst",
    local: "sitzungsdienst",
    roles: ["council_office"],
    departments: ["Büro der Stadtverordnetenversammlung"],
  },
  { name: "Regina Ratsmitglied", local: "ratsmitglied", roles: ["council_member"], departments: [] },
  { name: "Karin Kasse", local: "kasse", roles: ["treasury"], departments: ["Finanzen und Stadtkasse"] },
];

/**
 * Departments and one account per role for a demo municipality (`<role>@<slug>.example`); running it again
 * changes nothing.
 */
export async function seedDemoStaff(services: StaffServices, tenant: Tenant): Promise<void> {
  const phonePrefix = tenant.contact.phone.replace(/-0$/, "");
  const domain = `${tenant.slug}.example`;
  const existing = new Set((await services.departments.list(tenant.id)).map((d) => d.name));
  for (const d of departments) {
    if (existing.has(d.name)) continue;
    await services.departments.create(
      tenant.id,
      { name: d.name, email: `${d.email}@${domain}`, phone: `${phonePrefix}${d.phone}` },
      "de",
    );
  }
  demoPasswordHash ??= hashPassword(demoStaffPassword);
  const passwordHash = await demoPasswordHash;
  const ids = new Map((await services.departments.list(tenant.id)).map((d) => [d.name, d.id]));
  for (const person of people) {
    const input = {
      displayName: person.name,
      email: `${person.local}@${domain}`,
      roles: person.roles,
      departmentIds: person.departments.map((name) => ids.get(name) ?? ""),
    };
    await services.staff.createActive(tenant.id, input, passwordHash);
  }
}
