/** Named routes of the back office, relative to a municipality's base ("/usingen" or ""). */
export const staffPaths = {
  home: (base: string) => `${base}/verwaltung`,
  login: (base: string) => `${base}/verwaltung/anmelden`,
  secondStep: (base: string) => `${base}/verwaltung/anmelden/code`,
  logout: (base: string) => `${base}/verwaltung/abmelden`,
  invitation: (base: string) => `${base}/verwaltung/einladung`,
  staff: (base: string) => `${base}/verwaltung/mitarbeitende`,
  invite: (base: string) => `${base}/verwaltung/mitarbeitende/einladen`,
  member: (base: string, id: string) => `${base}/verwaltung/mitarbeitende/${id}`,
  memberAccess: (base: string, id: string) => `${base}/verwaltung/mitarbeitende/${id}/zugang`,
  memberStatus: (base: string, id: string) => `${base}/verwaltung/mitarbeitende/${id}/status`,
  departments: (base: string) => `${base}/verwaltung/fachbereiche`,
  audit: (base: string) => `${base}/verwaltung/protokoll`,
  ownAccess: (base: string) => `${base}/verwaltung/zugang`,
  ownSessions: (base: string) => `${base}/verwaltung/zugang/sitzungen`,
  ownPassword: (base: string) => `${base}/verwaltung/zugang/passwort`,
};
