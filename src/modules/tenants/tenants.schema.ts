import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

export interface OpeningHours {
  /** e.g. "Montag bis Freitag" */
  days: string;
  /** e.g. "08:00–12:00 Uhr" */
  hours: string;
}

export interface TenantsTable {
  id: string;
  slug: string;
  name: string;
  official_name: string;
  street: Generated<string>;
  postal_code: Generated<string>;
  city: Generated<string>;
  phone: Generated<string>;
  email: Generated<string>;
  website: Generated<string>;
  opening_hours: ColumnType<OpeningHours[], string | undefined, string>;
  primary_colour: Generated<string>;
  logo_svg: string | null;
  /** Prefix of references (Aktenzeichen) when not derived from the name; see migration 0011. */
  reference_prefix: Generated<string | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TenantHostnamesTable {
  hostname: string;
  tenant_id: string;
}

export type PageKey = "impressum" | "datenschutz" | "barrierefreiheit";

export interface TenantPagesTable {
  tenant_id: string;
  page_key: PageKey;
  lang: "de" | "en";
  title: string;
  body: string;
  updated_at: Generated<Date>;
}

export interface TenantsTables {
  tenants: TenantsTable;
  tenant_hostnames: TenantHostnamesTable;
  tenant_pages: TenantPagesTable;
}

export type TenantRow = Selectable<TenantsTable>;
export type NewTenantRow = Insertable<TenantsTable>;
export type TenantPageRow = Selectable<TenantPagesTable>;
