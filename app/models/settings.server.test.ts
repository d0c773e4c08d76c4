import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { auditLog, settings, users } from "../../db/schema";
import { InputError } from "~/utils/errors";
import { getSetting, getSettings, readSettingsForm, SETTINGS, updateSettings } from "./settings.server";

const KEY = "diagnostic.retakeWaitDays";

beforeAll(() => {
  getDb().insert(users).values({ id: "actor", email: "actor@ambassade.test", name: "Admin" }).run();
});

describe("settings", () => {
  it("reads the default of a key never saved", () => {
    expect(getSetting(KEY)).toBe(90);
    expect(getSettings()[KEY]).toBe(90);
  });

  it("saves a valid value with one audit row, and writes nothing when the value does not change", () => {
    expect(updateSettings("actor", { [KEY]: 30 })).toEqual([KEY]);
    expect(getSetting(KEY)).toBe(30);
    const rows = getDb().select().from(auditLog).where(eq(auditLog.subjectId, KEY)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "settings.updated", fromState: "90", toState: "30" });
    expect(updateSettings("actor", { [KEY]: 30 })).toEqual([]);
    expect(getDb().select().from(auditLog).where(eq(auditLog.subjectId, KEY)).all()).toHaveLength(1);
  });

  it("refuses an invalid value with an i18n key per setting, writing nothing", () => {
    const before = getDb().select().from(settings).all();
    for (const value of [366, -1, 1.5, "12"]) {
      let error: unknown;
      try {
        updateSettings("actor", { [KEY]: value as number });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).fieldErrors[KEY]).toMatch(/^settings\.errors\./);
    }
    expect(() => updateSettings("actor", { "no.such.key": 1 } as never)).toThrow(InputError);
    expect(getDb().select().from(settings).all()).toEqual(before);
  });

  it("falls back to the default when a stored value no longer validates", () => {
    getDb()
      .insert(settings)
      .values({ key: KEY, value: 9999 })
      .onConflictDoUpdate({ target: settings.key, set: { value: 9999 } })
      .run();
    expect(getSetting(KEY)).toBe(SETTINGS[KEY].default);
  });

  it("reads only the fields a form holds, as typed values", () => {
    expect(readSettingsForm({ [KEY]: " 45 " })).toEqual({ [KEY]: 45 });
    expect(readSettingsForm({ [KEY]: "4.5" })).toEqual({ [KEY]: undefined });
    expect(readSettingsForm({})).toEqual({});
  });
});
