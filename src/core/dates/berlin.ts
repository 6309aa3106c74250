// Dates and times are shown as German administrations write them, in Berlin time whatever the server's zone.
const berlin = new Intl.DateTimeFormat("de-DE", {
  timeZone: "Europe/Berlin",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function parts(date: Date): Record<string, string> {
  return Object.fromEntries(berlin.formatToParts(date).map((p) => [p.type, p.value]));
}

/** "27.11.2026" */
export function berlinDate(date: Date): string {
  const p = parts(date);
  return `${p.day}.${p.month}.${p.year}`;
}

/** "27.11.2026 14:05" */
export function berlinDateTime(date: Date): string {
  const p = parts(date);
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}
