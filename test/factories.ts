import type { TestApp } from "./server.ts";

const links = {
  verify: (token: string) => `http://localhost/verify?token=${token}`,
  reset: (token: string) => `http://localhost/reset?token=${token}`,
  forgotPassword: () => "http://localhost/forgot",
  confirmEmailChange: (token: string) => `http://localhost/email?token=${token}`,
};

/** A registered citizen with a confirmed address, ready to sign in. */
export async function createCitizen(t: TestApp, email: string, password: string): Promise<string> {
  await t.services.identity.accounts.register({ email, password }, "de", links);
  const row = await t.database.db
    .updateTable("citizens")
    .set({ email_verified_at: new Date() })
    .where("email", "=", email.toLowerCase())
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
