/**
 * The two invented people the demo identity provider signs in, living in the demo municipalities. Their
 * claims are shaped as BundID sends them; the second shows the linking rule for unconfirmed addresses.
 */
export interface TestIdentity {
  sub: string;
  acr: string;
  claims: {
    email: string;
    email_verified: boolean;
    given_name: string;
    family_name: string;
    birthdate: string;
    address: { street_address: string; postal_code: string; locality: string; country: string };
  };
}

export const testIdentities: readonly TestIdentity[] = [
  {
    sub: "demo-3f6c2a9e-usingen",
    acr: "STORK-QAA-Level-3",
    claims: {
      email: "erika.mustermann@example.de",
      email_verified: true,
      given_name: "Erika",
      family_name: "Mustermann",
      birthdate: "1964-08-12",
      address: {
        street_address: "Weilburger Straße 12",
        postal_code: "61250",
        locality: "Usingen",
        country: "DE",
      },
    },
  },
  {
    sub: "demo-8b1d47c0-neu-anspach",
    acr: "STORK-QAA-Level-4",
    claims: {
      email: "jonas.schaefer@example.de",
      email_verified: false,
      given_name: "Jonas",
      family_name: "Schäfer",
      birthdate: "1991-02-28",
      address: {
        street_address: "Bahnhofstraße 26",
        postal_code: "61267",
        locality: "Neu-Anspach",
        country: "DE",
      },
    },
  },
];

export function testIdentity(sub: unknown): TestIdentity | undefined {
  return testIdentities.find((identity) => identity.sub === sub);
}
