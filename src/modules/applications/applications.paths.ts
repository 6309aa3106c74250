/** Named routes of online applications, relative to a municipality's base ("/usingen" or ""). */
export const applicationPaths = {
  start: (base: string, serviceSlug: string) => `${base}/leistungen/${serviceSlug}/antrag`,
  step: (base: string, draftId: string, stepId: string) => `${base}/antraege/${draftId}/${stepId}`,
  review: (base: string, draftId: string) => `${base}/antraege/${draftId}/pruefen`,
  save: (base: string, draftId: string) => `${base}/antraege/${draftId}/speichern`,
  resume: (base: string, draftId: string) => `${base}/antraege/${draftId}/fortsetzen`,
  confirmation: (base: string, draftId: string) => `${base}/antraege/${draftId}/bestaetigung`,
  draft: (base: string, draftId: string) => `${base}/antraege/${draftId}`,
  myTownHall: (base: string) => `${base}/mein-rathaus`,
  receipt: (base: string, applicationId: string) =>
    `${base}/mein-rathaus/antraege/${applicationId}/eingangsbestaetigung.pdf`,
  status: (base: string) => `${base}/antragsstatus`,
};
