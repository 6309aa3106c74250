import { Command, Option } from "commander";
import { withQuery } from "#core/http/paths.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { tenantPaths } from "#modules/tenants/index.ts";
import type { MunicipalitiesService, MunicipalityInput } from "./municipalities.service.ts";
import { operatorPaths } from "./operator.paths.ts";
import type { OperatorService } from "./operator.service.ts";

/** What the operator commands work with: the services over the configured database, and the public URL. */
export interface OperatorCli {
  operators: OperatorService;
  municipalities: MunicipalitiesService;
  publicUrl: string;
}

/** Creates an operator (or renews the link of one not yet set up); returns the lines to print. */
export async function createOperatorCommand(
  cli: OperatorCli,
  options: { email: string; lang: Lang },
): Promise<string[]> {
  const created = await cli.operators.create(options.email, options.lang);
  const link = `${cli.publicUrl}${withQuery(operatorPaths.setup(), { token: created.token })}`;
  return [
    created.renewed
      ? `New setup link for the operator ${options.email.trim().toLowerCase()} (the earlier one no longer works).`
      : `Operator ${options.email.trim().toLowerCase()} created.`,
    "Open this link within 24 hours to choose a password and set up two-factor sign-in (it works once):",
    link,
  ];
}

type Mandatory = "slug" | "name" | "officialName" | "adminName" | "adminEmail";
type Optional = Exclude<keyof MunicipalityInput, Mandatory | "email">;

export type CreateTenantOptions = Pick<MunicipalityInput, Mandatory> &
  Partial<Record<Optional | "contactEmail", string>> & { lang: Lang };

/** Creates a municipality and invites its first administrator; returns the lines to print. */
export async function createTenantCommand(cli: OperatorCli, options: CreateTenantOptions): Promise<string[]> {
  const { slug, name, officialName, adminName, adminEmail } = options;
  const input: MunicipalityInput = {
    slug,
    name,
    officialName,
    street: options.street ?? "",
    postalCode: options.postalCode ?? "",
    city: options.city ?? "",
    phone: options.phone ?? "",
    email: options.contactEmail ?? "",
    website: options.website ?? "",
    adminName,
    adminEmail,
  };
  const { tenant, admin, invitationLink } = await cli.municipalities.create(input, options.lang, {});
  return [
    `Municipality ${tenant.name} created: ${cli.publicUrl}${tenantPaths.home(`/${tenant.slug}`)}`,
    `Invitation for the first administrator ${admin.email} queued as mail (sent by the running server).`,
    "If it does not arrive, pass on this link (valid 7 days, works once):",
    invitationLink,
  ];
}

/** `rathaus operator …` (`npm run operator -- …`): the commands of whoever runs the installation. */
export function operatorCommand(run: (work: (cli: OperatorCli) => Promise<void>) => Promise<void>): Command {
  const print = (lines: string[]) => console.log(lines.join("\n"));
  const lang = () =>
    new Option("--lang <lang>", "language of mails and messages").choices(["de", "en"]).default("de");
  const operator = new Command("operator").description(
    "create operators and municipalities with their first administrator",
  );

  operator
    .command("create-operator")
    .description("create an operator account and print its one-time setup link (valid 24 hours)")
    .requiredOption("--email <address>", "the operator's e-mail address (sign-in name)")
    .addOption(lang())
    .action((options: { email: string; lang: Lang }) =>
      run(async (cli) => print(await createOperatorCommand(cli, options))),
    );

  operator
    .command("create-tenant")
    .description("create a municipality and invite its first administrator (mail and printed link)")
    .requiredOption("--slug <slug>", "short name in the address, e.g. bad-homburg")
    .requiredOption("--name <name>", "name in the header of its pages, e.g. Bad Homburg")
    .requiredOption("--official-name <name>", 'e.g. "Stadt Bad Homburg v. d. Höhe"')
    .requiredOption("--admin-email <address>", "e-mail address of the first administrator")
    .requiredOption("--admin-name <name>", "full name of the first administrator")
    .option("--street <street>", "street and house number of the town hall")
    .option("--postal-code <code>", "postcode of the town hall")
    .option("--city <city>", "town of the town hall")
    .option("--phone <phone>", "phone number of the administration")
    .option("--contact-email <address>", "e-mail address of the administration")
    .option("--website <url>", "website, https://…")
    .addOption(lang())
    .action((options: CreateTenantOptions) =>
      run(async (cli) => print(await createTenantCommand(cli, options))),
    );

  return operator;
}
