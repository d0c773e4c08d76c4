/**
 * What the studio accepts as an image upload, decided from the bytes: the file's own signature
 * ("magic bytes"), never its name or the type the browser declared. The name's extension must agree
 * with the signature, so that a file that lies about what it is is refused. Pure.
 */

export const MAX_MEDIA_BYTES = 2 * 1024 * 1024;

export const IMAGE_TYPES = {
  png: { mime: "image/png", extensions: ["png"] },
  jpg: { mime: "image/jpeg", extensions: ["jpg", "jpeg"] },
  webp: { mime: "image/webp", extensions: ["webp"] },
  gif: { mime: "image/gif", extensions: ["gif"] },
} as const;
export type ImageType = keyof typeof IMAGE_TYPES;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((byte, index) => bytes[at + index] === byte);
const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

/** The image type the bytes really are, or null. */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  return null;
}

export type UploadProblem = "empty" | "tooLarge" | "notAnImage" | "extensionMismatch" | "badName";

export type UploadCheck = { ok: true; type: ImageType; mime: string; extension: ImageType; fileName: string } | { ok: false; problem: UploadProblem };

/** Decides whether an upload is an image we keep; `fileName` is cleaned for display. */
export function checkImageUpload(input: { fileName: string; bytes: Uint8Array }): UploadCheck {
  if (input.bytes.length === 0) return { ok: false, problem: "empty" };
  if (input.bytes.length > MAX_MEDIA_BYTES) return { ok: false, problem: "tooLarge" };
  // Keep the last path segment only, without control characters.
  const fileName = (input.fileName.split(/[\\/]/).pop() ?? "")
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 200);
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (!fileName || !extension) return { ok: false, problem: "badName" };
  const type = detectImageType(input.bytes);
  if (!type) return { ok: false, problem: "notAnImage" };
  if (!(IMAGE_TYPES[type].extensions as readonly string[]).includes(extension)) return { ok: false, problem: "extensionMismatch" };
  return { ok: true, type, mime: IMAGE_TYPES[type].mime, extension: type, fileName };
}

/** A stored media file's name: <sha256>.<ext>. */
export const MEDIA_FILE = /^([0-9a-f]{64})\.(png|jpg|webp|gif)$/;

export function mimeOfMediaFile(file: string): string | null {
  const match = MEDIA_FILE.exec(file);
  return match ? IMAGE_TYPES[match[2] as ImageType].mime : null;
}

/** A `/media/…` reference in a content file, where it starts (1-based), and the name after `/media/`. */
export type MediaReference = { name: string; line: number; col: number };

/**
 * Every `/media/…` path a content file refers to (a Figure's src, a Markdown image…), not counting
 * URLs that merely contain /media/ (https://example.com/media/x.png). Pure: a text scan.
 */
export function mediaReferences(source: string): MediaReference[] {
  const out: MediaReference[] = [];
  const lines = source.split("\n");
  lines.forEach((text, index) => {
    for (const match of text.matchAll(/(?<=^|[\s"'(=])\/media\/([^\s"'()<>[\]{}]*)/g)) {
      out.push({ name: match[1] ?? "", line: index + 1, col: (match.index ?? 0) + 1 });
    }
  });
  return out;
}

export type TransferProblem = "badName" | "notAFile" | "empty" | "tooLarge" | "notAnImage" | "extensionMismatch" | "hashMismatch";

/**
 * Whether a file of an exported content folder's media/ may enter the store: a plain file named
 * <sha256>.<ext> as content:export writes it, 2 MB at most, an image by its bytes of the type its
 * extension says, whose sha256 is its name. `sha256` is the bytes' digest (computed by the caller).
 */
export function checkTransferredMedia(input: {
  name: string;
  plainFile: boolean;
  size: number;
  bytes: Uint8Array | null;
  sha256: string | null;
}): TransferProblem | null {
  const match = MEDIA_FILE.exec(input.name);
  if (!match) return "badName";
  if (!input.plainFile) return "notAFile";
  if (input.size === 0) return "empty";
  if (input.size > MAX_MEDIA_BYTES) return "tooLarge";
  if (!input.bytes) return "notAFile";
  const type = detectImageType(input.bytes);
  if (!type) return "notAnImage";
  if (type !== match[2]) return "extensionMismatch";
  if (input.sha256 !== match[1]) return "hashMismatch";
  return null;
}
