/**
 * Inserting an image: pick an uploaded one or upload a new one (checked on the server by its bytes),
 * give its alternative text (required: what the image shows, for someone who cannot see it) and an
 * optional caption, and the <Figure /> lands at the cursor.
 */
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "~/i18n/react";
import { fieldAria } from "~/components/form";
import type { Lang, MediaOption } from "./types";

type UploadResult = { media: MediaOption } | { fieldErrors: Record<string, string> };

/** Attribute values are double-quoted strings on one line: a straight double quote would end them; a non-breaking space (French: "Légende\u00a0:") stays. */
const attribute = (value: string) =>
  value
    .replace(/"/g, "”")
    .replace(/[ \t\r\n]+/g, " ")
    .trim();

export function FigureDialog({
  open,
  lang,
  media,
  onMedia,
  onClose,
  onInsert,
}: {
  open: boolean;
  lang: Lang;
  media: MediaOption[];
  onMedia: (item: MediaOption) => void;
  onClose: () => void;
  onInsert: (snippet: string) => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const upload = useFetcher<UploadResult>({ key: "studio-media-upload" });
  const [src, setSrc] = useState<string>("");
  const [alt, setAlt] = useState("");
  const [caption, setCaption] = useState("");
  const [error, setError] = useState<string | null>(null);
  // The dialog's one error line says what is wrong; when it is the missing text, it describes that field.
  const altMissing = error === "studio.figure.altRequired";

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const onMediaRef = useRef(onMedia);
  onMediaRef.current = onMedia;
  useEffect(() => {
    if (upload.state === "idle" && upload.data && "media" in upload.data) {
      onMediaRef.current(upload.data.media);
      setSrc(upload.data.media.src);
    }
  }, [upload.state, upload.data]);

  const uploadError = upload.state === "idle" && upload.data && "fieldErrors" in upload.data ? Object.values(upload.data.fieldErrors)[0] : undefined;

  const insert = () => {
    if (!src) return setError("studio.figure.chooseImage");
    if (!alt.trim()) return setError("studio.figure.altRequired");
    setError(null);
    const captionAttribute = caption.trim() ? ` caption="${attribute(caption)}"` : "";
    onInsert(`\n\n<Figure src="${src}" alt="${attribute(alt)}"${captionAttribute} />\n\n`);
    setAlt("");
    setCaption("");
  };

  return (
    <dialog ref={ref} aria-labelledby="figure-title" onClose={onClose} className="w-full max-w-2xl rounded-lg p-0 backdrop:bg-slate-900/50">
      <div className="space-y-4 p-6">
        <h2 id="figure-title" className="text-xl font-semibold">
          {t("studio.figure.title")}
        </h2>

        <upload.Form method="post" action="/studio/media" encType="multipart/form-data" className="space-y-2 rounded-md border border-slate-200 p-3">
          <label htmlFor="figure-file" className="field-label">
            {t("studio.figure.upload")}
          </label>
          <p id="figure-file-hint" className="text-sm text-slate-600">
            {t("studio.figure.uploadHint")}
          </p>
          <input
            id="figure-file"
            name="file"
            type="file"
            accept="image/png,image/jpeg,image/webp,image/gif"
            aria-describedby={uploadError ? "figure-file-hint figure-file-error" : "figure-file-hint"}
            className="block text-sm"
          />
          {uploadError ? (
            <p id="figure-file-error" role="alert" className="field-error">
              {t(uploadError)}
            </p>
          ) : null}
          <button type="submit" className="btn-secondary" disabled={upload.state !== "idle"}>
            {upload.state !== "idle" ? t("studio.figure.uploading") : t("studio.figure.send")}
          </button>
        </upload.Form>

        <fieldset>
          <legend className="field-label">{t("studio.figure.choose")}</legend>
          {media.length === 0 ? (
            <p className="text-sm text-slate-700">{t("studio.figure.none")}</p>
          ) : (
            <ul className="mt-2 grid max-h-64 grid-cols-2 gap-3 overflow-y-auto sm:grid-cols-3">
              {media.map((item) => (
                <li key={item.src}>
                  <label
                    className={`block cursor-pointer rounded-md border p-2 ${src === item.src ? "border-brand-700 ring-2 ring-brand-700" : "border-slate-300"}`}
                  >
                    <input type="radio" name="figure-src" value={item.src} checked={src === item.src} onChange={() => setSrc(item.src)} className="mr-2" />
                    <span className="break-all text-xs">{item.fileName}</span>
                    <img src={item.src} alt="" className="mt-1 h-20 w-full object-contain" loading="lazy" />
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>

        <div>
          <label htmlFor="figure-alt" className="field-label">
            {t("studio.figure.alt")}
            <span className="text-red-700" aria-hidden="true">
              {" "}
              *
            </span>
          </label>
          <p id="figure-alt-hint" className="mt-1 text-sm text-slate-600">
            {t("studio.figure.altHint")}
          </p>
          <input
            {...fieldAria("figure-alt", true, altMissing)}
            type="text"
            value={alt}
            lang={lang}
            required
            onChange={(event) => setAlt(event.target.value)}
            className="field-input"
          />
        </div>
        <div>
          <label htmlFor="figure-caption" className="field-label">
            {t("studio.figure.caption")}
          </label>
          <input id="figure-caption" type="text" value={caption} lang={lang} onChange={(event) => setCaption(event.target.value)} className="field-input" />
        </div>
        {error ? (
          <p id={altMissing ? "figure-alt-error" : undefined} role="alert" className="field-error">
            {t(error)}
          </p>
        ) : null}
        <p className="flex flex-wrap gap-3">
          <button type="button" className="btn-primary" onClick={insert}>
            {t("studio.figure.insert")}
          </button>
          <button type="button" className="btn-secondary" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </p>
      </div>
    </dialog>
  );
}
