import type { Services } from "#src/app.ts";
import { demoMunicipalities } from "./municipalities.ts";

/** Creates or updates the demo municipalities; running it again changes nothing. Returns their slugs. */
export async function seedDemo(services: Services): Promise<string[]> {
  const slugs: string[] = [];
  for (const municipality of demoMunicipalities) {
    slugs.push((await services.tenants.save(municipality)).slug);
  }
  return slugs;
}
