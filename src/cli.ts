import { Command } from "commander";
import { createServices } from "./app.ts";
import { type Config, ConfigError, configDocs, loadConfig } from "./config.ts";
import { type DatabaseHandle, openDatabase } from "./core/db/connect.ts";
import { DataDirInUse } from "./core/db/data-dir-lock.ts";
import { migrateToLatest } from "./core/db/migrate.ts";
import { AppError } from "./core/http/errors.ts";
import { databaseTarget, start } from "./main.ts";
import { operatorCommand } from "./modules/operator/index.ts";
import { seedDemo } from "./seed/seed.ts";

/** Runs an operator command on the configured database (no secret is written: commands sign nothing). */
async function withDatabase<T>(work: (database: DatabaseHandle, config: Config) => Promise<T>) {
  const config = loadConfig(process.env, { persistSecrets: false });
  const database = await openDatabase(databaseTarget(config));
  try {
    return await work(database, config);
  } finally {
    await database.close();
  }
}

export function buildCli(): Command {
  const program = new Command("rathaus")
    .description(
      "Digitales Rathaus – operator commands. Configuration comes from the environment (see README).",
    )
    .showHelpAfterError();

  program
    .command("start")
    .description(
      "migrate the database, seed the demo into an empty database (not in production) and serve HTTP",
    )
    .action(() => start());

  program
    .command("migrate")
    .description("apply all pending database migrations and exit")
    .action(() =>
      withDatabase(async (database) => {
        const applied = await migrateToLatest(database.db);
        console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
      }),
    );

  program
    .command("seed")
    .description("create or update the demo municipalities Usingen and Neu-Anspach (idempotent)")
    .action(() =>
      withDatabase(async (database, config) => {
        await migrateToLatest(database.db);
        const slugs = await seedDemo(createServices(database, config));
        console.log(`Seeded: ${slugs.join(", ")}`);
      }),
    );

  program
    .command("set-hostnames")
    .description("serve a municipality on its own hostnames as well (no hostname given: remove them)")
    .argument("<slug>", "the municipality, e.g. usingen")
    .argument("[hostnames...]", "e.g. rathaus.usingen.de")
    .action((slug: string, hostnames: string[]) =>
      withDatabase(async (database, config) => {
        await migrateToLatest(database.db);
        await createServices(database, config).tenants.setHostnames(slug, hostnames);
        console.log(
          hostnames.length ? `${slug} is served on ${hostnames.join(", ")}` : `${slug}: hostnames removed`,
        );
      }),
    );

  program.addCommand(
    operatorCommand((work) =>
      withDatabase(async (database, config) => {
        await migrateToLatest(database.db);
        const { operators, municipalities } = createServices(database, config).operator;
        await work({ operators, municipalities, publicUrl: config.publicUrl });
      }),
    ),
  );

  program
    .command("check-config")
    .description("validate the environment configuration and print it without secrets")
    .action(() => {
      const config = loadConfig(process.env, { persistSecrets: false });
      const shown = {
        ...config,
        sessionSecret: `(${config.sessionSecretSource})`,
        databaseUrl: config.databaseUrl?.replace(/:[^:@/]*@/, ":***@"),
        smtpUrl: config.smtpUrl?.replace(/:[^:@/]*@/, ":***@"),
        payments: {
          ...config.payments,
          epay: config.payments.epay && { ...config.payments.epay, secret: "***" },
          stripe: config.payments.stripe && { secretKey: "***", webhookSecret: "***" },
        },
      };
      console.log(JSON.stringify(shown, null, 2));
      console.log("Configuration is valid.");
    });

  program.addHelpText(
    "after",
    `\nEnvironment variables:\n${Object.entries(configDocs)
      .map(([name, doc]) => `  ${name.padEnd(20)} ${doc.replaceAll("`", "")}`)
      .join("\n")}`,
  );
  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    if (error instanceof DataDirInUse) {
      console.error(error.message);
      process.exit(1);
    }
    if (error instanceof AppError) {
      const details = error.fields.map((f) => `\n  - ${f.field}: ${f.message}`).join("");
      console.error(`${error.message}${details}`);
      process.exit(1);
    }
    throw error;
  }
}
