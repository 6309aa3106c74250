import MarkdownIt from "markdown-it";

/**
 * Descriptions are written by the municipality in Markdown. Raw HTML is not allowed (`html: false` escapes
 * it), markdown-it refuses javascript:, vbscript:, file: and data: links, and images are switched off (they
 * would load from other hosts, which the CSP forbids). Headings are shifted by two levels: the page has its
 * h1 and the section its h2, so "# Ablauf" becomes an h3.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false }).disable("image");

markdown.core.ruler.push("shift_headings", (state) => {
  for (const token of state.tokens) {
    if (token.type === "heading_open" || token.type === "heading_close") {
      token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 2)}`;
    }
  }
});

/** Safe HTML for a Markdown text: every character the author typed is escaped or turned into markup. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
