/** Named routes of the back office, relative to a municipality's base ("/usingen" or ""). */
export const staffPaths = {
  home: (base: string) => `${base}/verwaltung`,
  login: (base: string) => `${base}/verwaltung/anmelden`,
  secondStep: (base: string) => `${base}/verwaltung/anmelden/code`,
  passkeySignInOptions: (base: string) => `${base}/verwaltung/anmelden/passkey/optionen`,
  passkeySignIn: (base: string) => `${base}/verwaltung/anmelden/passkey`,
  logout: (base: string) => `${base}/verwaltung/abmelden`,
  invitation: (base: string) => `${base}/verwaltung/einladung`,
  staff: (base: string) => `${base}/verwaltung/mitarbeitende`,
  invite: (base: string) => `${base}/verwaltung/mitarbeitende/einladen`,
  member: (base: string, id: string) => `${base}/verwaltung/mitarbeitende/${id}`,
  memberAccess: (base: string, id: string) => `${base}/verwaltung/mitarbeitende/${id}/zugang`,
  memberStatus: (base: string, id: string) => `${base}/verwaltung/mitarbeitende/${id}/status`,
  departments: (base: string) => `${base}/verwaltung/fachbereiche`,
  audit: (base: string) => `${base}/verwaltung/protokoll`,
  /** The payments area (module payments); its other pages are built on this one. */
  payments: (base: string) => `${base}/verwaltung/zahlungen`,
  /** Fees billed later (module applications): the applications waiting for the fee to be set. */
  fees: (base: string) => `${base}/verwaltung/gebuehren`,
  ownAccess: (base: string) => `${base}/verwaltung/zugang`,
  ownSessions: (base: string) => `${base}/verwaltung/zugang/sitzungen`,
  ownPassword: (base: string) => `${base}/verwaltung/zugang/passwort`,
  ownPasskeyOptions: (base: string) => `${base}/verwaltung/zugang/passkeys/optionen`,
  ownPasskeyAdd: (base: string) => `${base}/verwaltung/zugang/passkeys/hinzufuegen`,
  ownPasskeyRemove: (base: string) => `${base}/verwaltung/zugang/passkeys/entfernen`,
};
