/** Named routes of passkeys, relative to a municipality's base ("/usingen" or ""). */
export const passkeyPaths = {
  manage: (base: string) => `${base}/konto/passkeys`,
  registrationOptions: (base: string) => `${base}/konto/passkeys/optionen`,
  register: (base: string) => `${base}/konto/passkeys/hinzufuegen`,
  remove: (base: string) => `${base}/konto/passkeys/entfernen`,
  signInOptions: (base: string) => `${base}/konto/anmelden/passkey/optionen`,
  signIn: (base: string) => `${base}/konto/anmelden/passkey`,
};
