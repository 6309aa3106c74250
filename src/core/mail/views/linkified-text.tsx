const urlPattern = /(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]])/;

/**
 * Plain text as paragraphs (blank lines) and lines, with web addresses as links: what a mail program
 * would show. Every piece of text is escaped.
 */
export function LinkifiedText(props: { text: string }): JSX.Element {
  const paragraphs = props.text.split(/\n\s*\n/).filter((p) => p.trim() !== "");
  return (
    <>
      {paragraphs.map((paragraph) => (
        <p class="kern-body">
          {paragraph.split("\n").map((line, index) => (
            <>
              {index > 0 ? <br /> : ""}
              {line.split(urlPattern).map((piece, i) =>
                i % 2 === 1 ? (
                  <a class="kern-link" href={piece} safe>
                    {piece}
                  </a>
                ) : (
                  <span safe>{piece}</span>
                ),
              )}
            </>
          ))}
        </p>
      ))}
    </>
  );
}
