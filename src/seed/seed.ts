import type { Services } from "#src/app.ts";
import { seedDemoCatalog } from "./catalog.ts";
import { seedDemoForms } from "./forms.ts";
import { demoMunicipalities } from "./municipalities.ts";
import { seedDemoStaff } from "./staff.ts";

/** Creates or updates the demo municipalities and their staff; running it again changes nothing. Returns their slugs. */
export async function seedDemo(services: Services): Promise<string[]> {
  const slugs: string[] = [];
  for (const municipality of demoMunicipalities) {
    const tenant = await services.tenants.save(municipality);
    await seedDemoStaff(services.staff, tenant);
    await seedDemoCatalog(services, tenant);
    await seedDemoForms(services.forms, tenant);
    slugs.push(tenant.slug);
  }
  return slugs;
}
