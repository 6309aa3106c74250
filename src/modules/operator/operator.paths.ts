/** Named routes of the operator console, at installation level (never under a municipality). */
export const operatorPaths = {
  home: () => "/betrieb",
  login: () => "/betrieb/anmelden",
  secondStep: () => "/betrieb/anmelden/code",
  logout: () => "/betrieb/abmelden",
  setup: () => "/betrieb/einrichten",
  newMunicipality: () => "/betrieb/kommunen/neu",
};
