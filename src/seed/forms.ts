import type { FormDefinition, FormsService } from "#modules/forms/index.ts";
import type { Tenant } from "#modules/tenants/index.ts";
import { bewohnerparken } from "./forms/bewohnerparken.ts";
import type { DemoTown } from "./forms/common.ts";
import { gewerbe } from "./forms/gewerbe.ts";
import { hundesteuer } from "./forms/hundesteuer.ts";
import { maengelmelder } from "./forms/maengelmelder.ts";
import { meldebescheinigung } from "./forms/meldebescheinigung.ts";
import { sondernutzung } from "./forms/sondernutzung.ts";
import { sperrmuell } from "./forms/sperrmuell.ts";

/** The demo online forms; their keys are the slugs of the catalog services that offer them. */
export const demoForms: ((town: DemoTown) => FormDefinition)[] = [
  hundesteuer,
  bewohnerparken,
  sperrmuell,
  gewerbe,
  maengelmelder,
  sondernutzung,
  meldebescheinigung,
];

/** Publishes the demo forms for a municipality; an unchanged form keeps its version (idempotent). */
export async function seedDemoForms(forms: FormsService, tenant: Tenant): Promise<void> {
  const town = { name: tenant.name, postalCode: tenant.address.postalCode };
  for (const form of demoForms) await forms.publish(tenant.id, form(town));
}
