import type { ServiceInput } from "#modules/catalog/index.ts";
import type { Tenant } from "#modules/tenants/index.ts";
import type { Services } from "#src/app.ts";
import { citizenServices } from "./catalog-citizens.ts";
import { onlineServices } from "./catalog-online.ts";
import { townServices } from "./catalog-town.ts";

/**
 * The demo service catalog of Usingen and Neu-Anspach: the seven services with online forms (form_key = slug,
 * as the forms module names them) and catalog-only entries, so that each town has more than 30.
 *
 * LeiKa keys: only keys found in public sources are set; the others are left empty (null) rather than
 * guessed. Verified (FIM/PVOG Leistungsschlüssel as published by verwaltung.bund.de and used by state
 * portals): 99102013104000 Hundesteuer Anmeldung, 99102013070000 Hundesteuer Abmeldung, 99108001001000
 * Parkausweis für Bewohner, 99050012104000 Gewerbe anmelden, 99008001012000 Personalausweis beantragen,
 * 99115003012000 Meldebescheinigung, 99049001001000 Führungszeugnis, 99027002012000 Geburtsurkunde,
 * 99101004012000 Sterbeurkunde, 99107023037000 Wohngeld (Mietzuschuss), 99107022012000
 * Wohnberechtigungsschein. Every other service has no key until it is checked against the FIM portal.
 * Fees and processing times are plausible demo values, not the towns' actual by-laws.
 */
export interface Town {
  slug: string;
  name: string;
  officialName: string;
  /** "Rathaus, Wilhelmjstraße 1, 61250 Usingen" */
  townHall: string;
}

/** Where citizens go; each maps to a department of the demo staff seed (src/seed/staff.ts). */
export type OfficeKey = "buergerbuero" | "standesamt" | "ordnungsamt" | "bauamt" | "stadtkasse";

export interface ServiceDefinition extends Omit<ServiceInput, "office" | "departmentId" | "openingHours"> {
  office: OfficeKey;
}

export type DefineService = (town: Town) => ServiceDefinition;

const offices: Record<OfficeKey, { name: string; department: string; phone: string; email: string }> = {
  buergerbuero: { name: "Bürgerbüro", department: "Bürgerbüro", phone: "-120", email: "buergerbuero" },
  standesamt: { name: "Standesamt", department: "Bürgerbüro", phone: "-125", email: "standesamt" },
  ordnungsamt: { name: "Ordnungsamt", department: "Ordnungsamt", phone: "-130", email: "ordnungsamt" },
  bauamt: { name: "Bauamt", department: "Bauamt", phone: "-140", email: "bauamt" },
  stadtkasse: {
    name: "Steueramt und Stadtkasse",
    department: "Finanzen und Stadtkasse",
    phone: "-150",
    email: "stadtkasse",
  },
};

export const demoServiceDefinitions: DefineService[] = [
  ...onlineServices,
  ...citizenServices,
  ...townServices,
];

/** Creates or updates every demo service of the municipality; running it again changes nothing. */
export async function seedDemoCatalog(services: Services, tenant: Tenant): Promise<void> {
  const town: Town = {
    slug: tenant.slug,
    name: tenant.name,
    officialName: tenant.officialName,
    townHall: `Rathaus, ${tenant.address.street}, ${tenant.address.postalCode} ${tenant.address.city}`,
  };
  const phonePrefix = tenant.contact.phone.replace(/-0$/, "");
  const departments = new Map((await services.staff.departments.list(tenant.id)).map((d) => [d.name, d.id]));
  for (const define of demoServiceDefinitions) {
    const { office: key, ...definition } = define(town);
    const office = offices[key];
    await services.catalog.save(tenant.id, {
      ...definition,
      departmentId: departments.get(office.department) ?? null,
      office: {
        name: office.name,
        phone: `${phonePrefix}${office.phone}`,
        email: `${office.email}@${tenant.slug}.example`,
        address: town.townHall,
      },
      openingHours: tenant.openingHours,
    });
  }
}
