/** Named routes of the citizen account pages, relative to a municipality's base ("/usingen" or ""). */
export const identityPaths = {
  register: (base: string) => `${base}/konto/registrieren`,
  verify: (base: string) => `${base}/konto/bestaetigen`,
  login: (base: string) => `${base}/konto/anmelden`,
  logout: (base: string) => `${base}/konto/abmelden`,
  forgotPassword: (base: string) => `${base}/konto/passwort-vergessen`,
  resetPassword: (base: string) => `${base}/konto/passwort-zuruecksetzen`,
  account: (base: string) => `${base}/konto`,
  endSession: (base: string) => `${base}/konto/sitzungen/beenden`,
  totpSetup: (base: string) => `${base}/konto/zwei-faktor`,
  totpDisable: (base: string) => `${base}/konto/zwei-faktor/ausschalten`,
  secondStep: (base: string) => `${base}/konto/anmelden/code`,
  profile: (base: string) => `${base}/konto/profil`,
  changePassword: (base: string) => `${base}/konto/passwort-aendern`,
  changeEmail: (base: string) => `${base}/konto/email-aendern`,
  confirmEmailChange: (base: string) => `${base}/konto/email-bestaetigen`,
};
