// Names citizens know for the types an upload field may accept, and the type a file name claims to be.
// The type of a file is always detected from its content (file-type); the name only helps to say what is wrong.

const labels: Record<string, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "image/heic": "HEIC",
  "image/webp": "WebP",
  "image/tiff": "TIFF",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (DOCX)",
  "application/vnd.oasis.opendocument.text": "OpenDocument-Text (ODT)",
};

const byExtension: Record<string, string> = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  heic: "image/heic",
  webp: "image/webp",
  tif: "image/tiff",
  tiff: "image/tiff",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  odt: "application/vnd.oasis.opendocument.text",
};

/** "PDF" for application/pdf; the subtype in capitals for types without a common name. */
export function mediaTypeLabel(mediaType: string): string {
  return labels[mediaType] ?? (mediaType.split("/")[1] ?? mediaType).toUpperCase();
}

/** The media type a file name's extension stands for, if it is one we know. */
export function claimedMediaType(fileName: string): string | undefined {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? undefined : byExtension[fileName.slice(dot + 1).toLowerCase()];
}

/** A file name as it may be shown and stored: no folders, no control characters, at most 255 characters. */
export function cleanFileName(raw: string, fallback: string): string {
  const base = raw.split(/[/\\]/).pop() ?? "";
  const clean = base
    .normalize("NFC")
    .replace(/[\p{C}]/gu, "")
    .trim();
  return clean === "" ? fallback : Array.from(clean).slice(0, 255).join("");
}

/** "10 MB", "1,5 MB" (German decimal comma), "800 KB": limits as people read them (1 MB = 1024 KB here). */
export function formatBytes(bytes: number, lang: "de" | "en"): string {
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), "MB"] : [Math.max(1, bytes / 1024), "KB"];
  const number = new Intl.NumberFormat(lang === "de" ? "de-DE" : "en-GB", {
    maximumFractionDigits: 1,
  }).format(value);
  return `${number} ${unit}`;
}
