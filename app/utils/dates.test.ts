import { describe, expect, it } from "vitest";
import { formatDate, isTimeZone, isoDay, parseIsoDay, readTimeZoneCookie, startOfDayIn, timeLeft } from "./dates";

const moment = new Date("2026-12-07T23:30:00Z");

describe("the date module", () => {
  it("formats in the reader's time zone, the same way in French and in English", () => {
    expect(formatDate(moment, "date", { language: "fr", timeZone: "Europe/Paris" })).toBe("8 décembre 2026");
    expect(formatDate(moment, "date", { language: "en", timeZone: "Europe/Paris" })).toBe("8 December 2026");
    expect(formatDate(moment, "date", { language: "en", timeZone: "America/New_York" })).toBe("7 December 2026");
    expect(formatDate(moment, "dateTime", { language: "fr", timeZone: "UTC" })).toBe("7 décembre 2026 à 23:30");
    expect(formatDate(moment, "dateTime", { language: "en", timeZone: "UTC" })).toBe("7 December 2026 at 23:30");
    expect(formatDate(moment, "time", { language: "en", timeZone: "Asia/Tokyo" })).toBe("08:30");
  });

  it("falls back to UTC for an unknown zone and to nothing for a missing date", () => {
    expect(formatDate(moment, "time", { language: "fr", timeZone: "Mars/Olympus" })).toBe("23:30");
    expect(formatDate(null, "date", { language: "fr", timeZone: "UTC" })).toBe("");
    expect(formatDate("not a date", "date", { language: "fr", timeZone: "UTC" })).toBe("");
  });

  it("knows time zones and reads the cookie safely", () => {
    expect(isTimeZone("Europe/Paris")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Europe/Nowhere")).toBe(false);
    expect(isTimeZone("<script>")).toBe(false);
    expect(readTimeZoneCookie("a=1; ambassade_tz=America%2FNew_York; b=2")).toBe("America/New_York");
    expect(readTimeZoneCookie("ambassade_tz=%E0%A4%A")).toBeNull();
    expect(readTimeZoneCookie("ambassade_tz=Nowhere")).toBeNull();
    expect(readTimeZoneCookie(null)).toBeNull();
  });

  it("gives calendar days for files and forms", () => {
    expect(isoDay(moment)).toBe("2026-12-07");
    expect(isoDay(moment, "Europe/Paris")).toBe("2026-12-08");
    expect(parseIsoDay("2027-02-28")?.toISOString()).toBe("2027-02-28T00:00:00.000Z");
    expect(parseIsoDay("2027-02-30")).toBeNull();
    expect(parseIsoDay("28/02/2027")).toBeNull();
  });

  it("counts down", () => {
    expect(timeLeft("2026-12-07T10:30:00Z", "2026-12-07T10:17:55Z")).toEqual({ totalSeconds: 725, text: "12:05" });
    expect(timeLeft("2026-12-07T12:00:00Z", "2026-12-07T10:57:55Z").text).toBe("1:02:05");
    expect(timeLeft("2026-12-07T10:00:00Z", "2026-12-07T11:00:00Z")).toEqual({ totalSeconds: 0, text: "0:00" });
  });
});

describe("startOfDayIn", () => {
  it("is the moment a day starts in the reader's time zone, summer and winter", () => {
    expect(startOfDayIn("2026-12-07", "Europe/Paris")?.toISOString()).toBe("2026-12-06T23:00:00.000Z");
    expect(startOfDayIn("2026-07-01", "Europe/Paris")?.toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(startOfDayIn("2026-03-08", "America/New_York")?.toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfDayIn("2026-12-07", "UTC")?.toISOString()).toBe("2026-12-07T00:00:00.000Z");
    expect(startOfDayIn("2026-02-30", "UTC")).toBeNull();
  });
});
