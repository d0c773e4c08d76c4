import { describe, expect, it } from "vitest";
import { MAX_MEDIA_BYTES, checkImageUpload, detectImageType, mimeOfMediaFile } from "./media";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const GIF = new TextEncoder().encode("GIF89a......");
const WEBP = new TextEncoder().encode("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ");
const HTML = new TextEncoder().encode("<!doctype html><script>alert(1)</script>");

describe("detectImageType", () => {
  it("recognises PNG, JPEG, GIF and WebP by their signature", () => {
    expect(detectImageType(PNG)).toBe("png");
    expect(detectImageType(JPEG)).toBe("jpg");
    expect(detectImageType(GIF)).toBe("gif");
    expect(detectImageType(WEBP)).toBe("webp");
  });

  it("recognises nothing else", () => {
    expect(detectImageType(HTML)).toBeNull();
    expect(detectImageType(new TextEncoder().encode("RIFF....WAVE"))).toBeNull();
    expect(detectImageType(new Uint8Array([0x89, 0x50]))).toBeNull();
  });
});

describe("checkImageUpload", () => {
  it("accepts an image whose extension agrees with its bytes", () => {
    expect(checkImageUpload({ fileName: "chart.PNG", bytes: PNG })).toEqual({
      ok: true,
      type: "png",
      mime: "image/png",
      extension: "png",
      fileName: "chart.PNG",
    });
    expect(checkImageUpload({ fileName: "C:\\photos\\team.jpeg", bytes: JPEG })).toMatchObject({ ok: true, type: "jpg", fileName: "team.jpeg" });
  });

  it("refuses PNG bytes named .exe, and HTML named .png", () => {
    expect(checkImageUpload({ fileName: "setup.exe", bytes: PNG })).toEqual({ ok: false, problem: "extensionMismatch" });
    expect(checkImageUpload({ fileName: "photo.png", bytes: HTML })).toEqual({ ok: false, problem: "notAnImage" });
    expect(checkImageUpload({ fileName: "photo.gif", bytes: PNG })).toEqual({ ok: false, problem: "extensionMismatch" });
  });

  it("refuses empty, too large and nameless files", () => {
    expect(checkImageUpload({ fileName: "a.png", bytes: new Uint8Array() })).toEqual({ ok: false, problem: "empty" });
    const big = new Uint8Array(MAX_MEDIA_BYTES + 1);
    big.set(PNG);
    expect(checkImageUpload({ fileName: "a.png", bytes: big })).toEqual({ ok: false, problem: "tooLarge" });
    expect(checkImageUpload({ fileName: "noextension", bytes: PNG })).toEqual({ ok: false, problem: "badName" });
  });
});

describe("mimeOfMediaFile", () => {
  it("answers only for stored file names", () => {
    expect(mimeOfMediaFile(`${"a".repeat(64)}.webp`)).toBe("image/webp");
    expect(mimeOfMediaFile("../etc/passwd")).toBeNull();
    expect(mimeOfMediaFile(`${"a".repeat(64)}.svg`)).toBeNull();
  });
});
