/** Named routes of the dev mailbox (not registered in production). */
export const devMailPaths = {
  list: () => "/_dev/mail",
  one: (id: string) => `/_dev/mail/${encodeURIComponent(id)}`,
  html: (id: string) => `/_dev/mail/${encodeURIComponent(id)}/html`,
  /** `position` counts from 1. */
  attachment: (id: string, position: number) => `/_dev/mail/${encodeURIComponent(id)}/anhang/${position}`,
};
