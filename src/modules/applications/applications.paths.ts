/** The query parameter that marks a step opened to change an answer from the review. */
export const changeQuery = "aendern";

/** Named routes of online applications, relative to a municipality's base ("/usingen" or ""). */
export const applicationPaths = {
  start: (base: string, serviceSlug: string) => `${base}/leistungen/${serviceSlug}/antrag`,
  step: (base: string, draftId: string, stepId: string) => `${base}/antraege/${draftId}/${stepId}`,
  /** A step opened from the review's change link: "Weiter" returns to the review once all is complete. */
  change: (base: string, draftId: string, stepId: string) =>
    `${base}/antraege/${draftId}/${stepId}?${changeQuery}=ja`,
  review: (base: string, draftId: string) => `${base}/antraege/${draftId}/pruefen`,
  save: (base: string, draftId: string) => `${base}/antraege/${draftId}/speichern`,
  resume: (base: string, draftId: string) => `${base}/antraege/${draftId}/fortsetzen`,
  confirmation: (base: string, draftId: string) => `${base}/antraege/${draftId}/bestaetigung`,
  /** Starts (or retries) paying the fee of the draft's application at the payment platform. */
  pay: (base: string, draftId: string) => `${base}/antraege/${draftId}/bezahlen`,
  /** The same from "Mein Rathaus", for a signed-in owner, any time later. */
  payMine: (base: string, applicationId: string) => `${base}/mein-rathaus/antraege/${applicationId}/bezahlen`,
  draft: (base: string, draftId: string) => `${base}/antraege/${draftId}`,
  myTownHall: (base: string) => `${base}/mein-rathaus`,
  /** The installation-wide "Mein Rathaus": the citizen's applications at every municipality. */
  overview: () => "/mein-rathaus",
  receipt: (base: string, applicationId: string) =>
    `${base}/mein-rathaus/antraege/${applicationId}/eingangsbestaetigung.pdf`,
  status: (base: string) => `${base}/antragsstatus`,
  /** A guest's status, opened with `aktenzeichen` and `code` (the return from the payment platform). */
  statusResult: (base: string) => `${base}/antragsstatus/ergebnis`,
  payAsGuest: (base: string) => `${base}/antragsstatus/bezahlen`,
};
