import type { TenantInput } from "#modules/tenants/index.ts";
import { demoShield } from "./coat-of-arms.ts";
import { legalTexts } from "./legal-texts.ts";

const weekdayHours = [
  { days: "Montag", hours: "08:00–12:00 Uhr" },
  { days: "Dienstag", hours: "08:00–12:00 Uhr und 14:00–18:00 Uhr" },
  { days: "Mittwoch", hours: "geschlossen" },
  { days: "Donnerstag", hours: "08:00–12:00 Uhr und 14:00–16:00 Uhr" },
  { days: "Freitag", hours: "08:00–12:00 Uhr" },
];

const usingen = {
  officialName: "Stadt Usingen",
  street: "Wilhelmjstraße 1",
  postalCode: "61250",
  city: "Usingen",
  phone: "06081 1024-0",
  email: "info@usingen.de",
};

const neuAnspach = {
  officialName: "Stadt Neu-Anspach",
  street: "Bahnhofstraße 26–28",
  postalCode: "61267",
  city: "Neu-Anspach",
  phone: "06081 1025-0",
  email: "stadtverwaltung@neu-anspach.de",
};

/** The two demo municipalities in the Hochtaunuskreis (Hesse), with their town halls' public data. */
export const demoMunicipalities: TenantInput[] = [
  {
    slug: "usingen",
    name: "Usingen",
    ...usingen,
    website: "https://www.usingen.de",
    openingHours: weekdayHours,
    colour: "#1f4e8c",
    logoSvg: demoShield("U", "#1f4e8c", "#f2c200"),
    pages: legalTexts({ ...usingen, dataProtectionEmail: "datenschutz@usingen.de" }),
  },
  {
    slug: "neu-anspach",
    name: "Neu-Anspach",
    ...neuAnspach,
    website: "https://www.neu-anspach.de",
    openingHours: weekdayHours,
    colour: "#2f6b2f",
    logoSvg: demoShield("NA", "#2f6b2f", "#ffffff"),
    pages: legalTexts({ ...neuAnspach, dataProtectionEmail: "datenschutz@neu-anspach.de" }),
  },
];
