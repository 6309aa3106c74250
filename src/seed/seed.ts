import type { Services } from "#src/app.ts";
import { demoMunicipalities } from "./municipalities.ts";
import { seedDemoStaff } from "./staff.ts";

/** Creates or updates the demo municipalities and their staff; running it again changes nothing. Returns their slugs. */
export async function seedDemo(services: Services): Promise<string[]> {
  const slugs: string[] = [];
  for (const municipality of demoMunicipalities) {
    const tenant = await services.tenants.save(municipality);
    await seedDemoStaff(services.staff, tenant);
    slugs.push(tenant.slug);
  }
  return slugs;
}
