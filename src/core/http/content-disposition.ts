/**
 * A Content-Disposition header that has the browser save the response as `filename` (RFC 6266): the exact
 * name in UTF-8 (RFC 8187) and an ASCII stand-in for clients that know only `filename`. The name must be
 * well-formed Unicode without line breaks (mail attachments and stored files are checked for that).
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
