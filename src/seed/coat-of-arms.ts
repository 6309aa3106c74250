/**
 * A plain shield with the town's initials, drawn for the demo. Real coats of arms are the towns' own
 * artwork and are uploaded by each municipality.
 */
export function demoShield(initials: string, field: string, charge: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 120" width="100" height="120" role="img">
  <path d="M5 5h90v55c0 30-20 48-45 55C25 108 5 90 5 60z" fill="${field}" stroke="#1a1a1a" stroke-width="4"/>
  <text x="50" y="72" font-family="Georgia, serif" font-size="40" font-weight="bold" fill="${charge}" text-anchor="middle">${initials}</text>
</svg>`;
}
