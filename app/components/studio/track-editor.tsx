/**
 * The tracks as ordered lists (the common core and each level's own), reordered by drag and drop or,
 * with the keyboard and assistive technologies, by "move up" / "move down" buttons whose effect is
 * announced. Each list's order travels in hidden inputs, so the publish form posts it as it is shown.
 */
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "~/i18n/react";
// The page group of strings this file names (ADR 0032).
import "~/i18n/load/placement.client";

export const LIST_NAMES = ["core", "native", "late_adopter", "reluctant", "objector", "beginner"] as const;
export type ListName = (typeof LIST_NAMES)[number];
export type Lists = Record<ListName, string[]>;

export function TrackEditor({ initial, modules }: { initial: Lists; modules: { id: string; title: string }[] }) {
  const { t } = useTranslation();
  const [lists, setLists] = useState(initial);
  const [announcement, setAnnouncement] = useState("");
  const [dragged, setDragged] = useState<{ list: ListName; index: number } | null>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const titles = new Map(modules.map((m) => [m.id, m.title]));
  const titleOf = (id: string) => titles.get(id) ?? id;
  const listLabel = (list: ListName) => (list === "core" ? t("studio.tracks.core") : t(`placement.levels.${list}.name`));

  useEffect(() => {
    if (!focusTarget) return;
    const button = buttons.current.get(focusTarget);
    if (button && !button.disabled) button.focus();
    else buttons.current.get(focusTarget.replace(/:(up|down)$/, (_, d: string) => (d === "up" ? ":down" : ":up")))?.focus();
    setFocusTarget(null);
  }, [focusTarget, lists]);

  const move = (list: ListName, from: number, to: number, direction?: "up" | "down") => {
    const items = lists[list];
    if (to < 0 || to >= items.length || from === to) return;
    const next = [...items];
    const [id] = next.splice(from, 1);
    if (id === undefined) return;
    next.splice(to, 0, id);
    setLists({ ...lists, [list]: next });
    setAnnouncement(t("studio.tracks.moved", { title: titleOf(id), position: to + 1, total: next.length, list: listLabel(list) }));
    if (direction) setFocusTarget(`${list}:${id}:${direction}`);
  };
  const remove = (list: ListName, index: number) => {
    const id = lists[list][index];
    if (id === undefined) return;
    setLists({ ...lists, [list]: lists[list].filter((_, i) => i !== index) });
    setAnnouncement(t("studio.tracks.removed", { title: titleOf(id), list: listLabel(list) }));
    setFocusTarget(`${list}:add`);
  };
  const add = (list: ListName, id: string) => {
    if (!id || lists[list].includes(id)) return;
    setLists({ ...lists, [list]: [...lists[list], id] });
    setAnnouncement(t("studio.tracks.added", { title: titleOf(id), list: listLabel(list), position: lists[list].length + 1 }));
  };
  const register = (key: string) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(key, element);
    else buttons.current.delete(key);
  };

  return (
    <div className="space-y-6">
      <p aria-live="polite" role="status" className="sr-only">
        {announcement}
      </p>
      <p className="text-sm text-slate-700">{t("studio.tracks.howTo")}</p>
      <div className="grid gap-6 lg:grid-cols-2">
        {LIST_NAMES.map((list) => {
          const items = lists[list];
          const addable = modules.filter((m) => !items.includes(m.id));
          return (
            <fieldset key={list} className="card space-y-3">
              <legend className="px-1 text-lg font-semibold">{listLabel(list)}</legend>
              {items.length === 0 ? <p className="text-sm text-red-800">{t("studio.tracks.emptyList")}</p> : null}
              <ol className="space-y-2">
                {items.map((id, index) => (
                  <li
                    key={id}
                    draggable
                    onDragStart={(event) => {
                      setDragged({ list, index });
                      event.dataTransfer.effectAllowed = "move";
                      event.dataTransfer.setData("text/plain", id);
                    }}
                    onDragOver={(event) => {
                      if (dragged?.list === list) event.preventDefault();
                    }}
                    onDrop={(event) => {
                      event.preventDefault();
                      if (dragged?.list === list) move(list, dragged.index, index);
                      setDragged(null);
                    }}
                    onDragEnd={() => setDragged(null)}
                    className={`flex cursor-grab items-center gap-2 rounded-md border bg-white p-2 ${dragged?.list === list && dragged.index === index ? "border-brand-600 opacity-60" : "border-slate-300"}`}
                  >
                    <input type="hidden" name={list} value={id} />
                    <span aria-hidden="true" className="select-none text-slate-500">
                      ⠿
                    </span>
                    <span className="w-6 shrink-0 text-right text-sm font-semibold text-slate-700">{index + 1}.</span>
                    <span className="min-w-0 flex-1">
                      <span className="block text-sm font-semibold">{titleOf(id)}</span>
                      <code className="block truncate text-xs text-slate-700">{id}</code>
                    </span>
                    <button
                      ref={register(`${list}:${id}:up`)}
                      type="button"
                      className="btn-secondary px-2 py-1"
                      disabled={index === 0}
                      onClick={() => move(list, index, index - 1, "up")}
                      aria-label={t("studio.tracks.moveUp", { title: titleOf(id) })}
                    >
                      ↑
                    </button>
                    <button
                      ref={register(`${list}:${id}:down`)}
                      type="button"
                      className="btn-secondary px-2 py-1"
                      disabled={index === items.length - 1}
                      onClick={() => move(list, index, index + 1, "down")}
                      aria-label={t("studio.tracks.moveDown", { title: titleOf(id) })}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="btn-secondary px-2 py-1"
                      onClick={() => remove(list, index)}
                      aria-label={t("studio.tracks.remove", { title: titleOf(id), list: listLabel(list) })}
                    >
                      ✕
                    </button>
                  </li>
                ))}
              </ol>
              <AddModule list={list} label={listLabel(list)} options={addable} onAdd={(id) => add(list, id)} buttonRef={register(`${list}:add`)} />
            </fieldset>
          );
        })}
      </div>
    </div>
  );
}

function AddModule({
  list,
  label,
  options,
  onAdd,
  buttonRef,
}: {
  list: ListName;
  label: string;
  options: { id: string; title: string }[];
  onAdd: (id: string) => void;
  buttonRef: (element: HTMLButtonElement | null) => void;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState("");
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="min-w-0 flex-1">
        <label htmlFor={`add-${list}`} className="field-label">
          {t("studio.tracks.addLabel", { list: label })}
        </label>
        <select id={`add-${list}`} value={choice} onChange={(event) => setChoice(event.target.value)} className="field-input">
          <option value="">{t("studio.tracks.choose")}</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.title} ({option.id})
            </option>
          ))}
        </select>
      </div>
      <button
        ref={buttonRef}
        type="button"
        className="btn-secondary"
        disabled={!choice}
        onClick={() => {
          onAdd(choice);
          setChoice("");
        }}
      >
        {t("studio.tracks.add")}
      </button>
    </div>
  );
}
