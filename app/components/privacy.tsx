/** The privacy notice's text: plain text, a blank line between paragraphs (never HTML). */
export function NoticeText({ text, id }: { text: string; id?: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div id={id} className="space-y-3 text-slate-800">
      {paragraphs.map((p, i) =>
        i === 0 && paragraphs.length > 1 ? (
          <p key={i} className="font-semibold">
            {p}
          </p>
        ) : (
          <p key={i} className="whitespace-pre-line">
            {p}
          </p>
        ),
      )}
    </div>
  );
}
