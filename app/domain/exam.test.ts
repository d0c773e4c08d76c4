import { describe, expect, it } from "vitest";
import { attemptAllowance, categoryQuotas, drawExam, gradeExam, isAnswerCorrect, isWellFormedAnswer, seededRandom, type BankItem } from "./exam";

const categories = ["charter", "disclosure", "voice", "crisis", "channels"];
/** 52 items like the real bank: 11 + 11 + 10 + 10 + 10. */
const bank: BankItem[] = categories.flatMap((category, c) =>
  Array.from({ length: c < 2 ? 11 : 10 }, (_, i) => ({
    id: `${category}-${i}`,
    category,
    type: (["single", "multiple", "true_false", "judgement"] as const)[i % 4]!,
    options:
      i % 4 === 2
        ? [{ id: "true", correct: true }, { id: "false" }]
        : i % 4 === 3
          ? [{ id: "post" }, { id: "edit", correct: true }, { id: "dont" }]
          : i % 4 === 1
            ? [{ id: "a", correct: true }, { id: "b", correct: true }, { id: "c" }, { id: "d" }]
            : [{ id: "a" }, { id: "b", correct: true }, { id: "c" }],
  })),
);
const byId = new Map(bank.map((item) => [item.id, item]));

describe("drawing an attempt", () => {
  it("spreads 16 items evenly over 5 categories, the remainder going to one category", () => {
    for (let seed = 1; seed <= 50; seed++) {
      const drawn = drawExam(bank, 16, seed);
      expect(drawn).toHaveLength(16);
      expect(new Set(drawn.map((d) => d.id)).size).toBe(16);
      const counts = categories.map((c) => drawn.filter((d) => byId.get(d.id)!.category === c).length).sort();
      expect(counts).toEqual([3, 3, 3, 3, 4]);
    }
  });

  it("is reproducible from its seed and differs between seeds", () => {
    expect(drawExam(bank, 16, 42)).toEqual(drawExam(bank, 16, 42));
    const orders = new Set(
      Array.from({ length: 10 }, (_, seed) =>
        drawExam(bank, 16, seed)
          .map((d) => d.id)
          .join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(5);
  });

  it("gives the remainder to different categories depending on the seed", () => {
    const extra = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const drawn = drawExam(bank, 16, seed);
      for (const c of categories) if (drawn.filter((d) => byId.get(d.id)!.category === c).length === 4) extra.add(c);
    }
    expect(extra.size).toBeGreaterThan(2);
  });

  it("shuffles the options of single and multiple items, keeps true/false and judgement in order", () => {
    const shuffledSomewhere = Array.from({ length: 20 }, (_, seed) => drawExam(bank, 16, seed))
      .flat()
      .some(
        (d) =>
          ["single", "multiple"].includes(byId.get(d.id)!.type) &&
          d.options.join() !==
            byId
              .get(d.id)!
              .options.map((o) => o.id)
              .join(),
      );
    expect(shuffledSomewhere).toBe(true);
    for (const d of drawExam(bank, 16, 7)) {
      const item = byId.get(d.id)!;
      expect([...d.options].sort()).toEqual(item.options.map((o) => o.id).sort());
      if (item.type === "true_false") expect(d.options).toEqual(["true", "false"]);
      if (item.type === "judgement") expect(d.options).toEqual(["post", "edit", "dont"]);
    }
  });

  it("passes a small category's shortfall on to the others", () => {
    const quotas = categoryQuotas(
      new Map([
        ["a", 1],
        ["b", 10],
        ["c", 10],
      ]),
      12,
      seededRandom(1),
    );
    expect(quotas.get("a")).toBe(1);
    expect((quotas.get("b") ?? 0) + (quotas.get("c") ?? 0)).toBe(11);
    expect(Math.abs(quotas.get("b")! - quotas.get("c")!)).toBeLessThanOrEqual(1);
  });

  it("draws the whole bank when asked for more items than it holds", () => {
    expect(drawExam(bank, 100, 3)).toHaveLength(52);
  });
});

describe("grading", () => {
  const single = byId.get("charter-0")!;
  const multiple = byId.get("charter-1")!;
  const trueFalse = byId.get("charter-2")!;

  it("single, true/false and judgement: the chosen option is the correct one", () => {
    expect(isAnswerCorrect(single, ["b"])).toBe(true);
    expect(isAnswerCorrect(single, ["a"])).toBe(false);
    expect(isAnswerCorrect(single, ["b", "a"])).toBe(false);
    expect(isAnswerCorrect(trueFalse, ["true"])).toBe(true);
  });

  it("multiple: exactly the correct set, no more, no less", () => {
    expect(isAnswerCorrect(multiple, ["b", "a"])).toBe(true);
    expect(isAnswerCorrect(multiple, ["a"])).toBe(false);
    expect(isAnswerCorrect(multiple, ["a", "b", "c"])).toBe(false);
    expect(isAnswerCorrect(multiple, ["a", "a"])).toBe(false);
  });

  it("rejects malformed answers", () => {
    expect(isWellFormedAnswer(single, ["a", "b", "c"], ["z"])).toBe(false);
    expect(isWellFormedAnswer(single, ["a", "b", "c"], ["a", "b"])).toBe(false);
    expect(isWellFormedAnswer(single, ["a", "b", "c"], [])).toBe(false);
    expect(isWellFormedAnswer(multiple, ["a", "b", "c", "d"], ["a", "b"])).toBe(true);
  });

  it("scores per category, counts unanswered items as missed, and applies the pass mark", () => {
    const drawn = drawExam(bank, 16, 5);
    const answers = new Map<string, string[]>();
    for (const d of drawn.slice(0, 13))
      answers.set(
        d.id,
        byId
          .get(d.id)!
          .options.filter((o) => o.correct)
          .map((o) => o.id),
      );
    const result = gradeExam(byId, drawn, answers, 80);
    expect(result).toMatchObject({ correct: 13, total: 16, score: 81, passed: true });
    expect(result.missed).toEqual(drawn.slice(13).map((d) => d.id));
    expect(Object.values(result.categoryScores).reduce((a, c) => a + c.total, 0)).toBe(16);
    expect(gradeExam(byId, drawn, answers, 85).passed).toBe(false);
  });
});

describe("when a new attempt may start", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  const hours = (n: number) => new Date(now.getTime() + n * 3600_000);
  const rules = { maxAttempts: 3, windowDays: 30, cooldownHours: 24 };

  it("allows a first attempt", () => {
    expect(attemptAllowance([], now, rules)).toEqual({ ok: true });
  });

  it("refuses while an attempt is in progress", () => {
    expect(attemptAllowance([{ startedAt: hours(-1), endedAt: null }], now, rules)).toMatchObject({ ok: false, reason: "inProgress" });
  });

  it("enforces the cooldown after the previous attempt ended", () => {
    const attempts = [{ startedAt: hours(-3), endedAt: hours(-2) }];
    expect(attemptAllowance(attempts, now, rules)).toEqual({ ok: false, reason: "cooldown", until: hours(22) });
    expect(attemptAllowance(attempts, hours(22), rules)).toEqual({ ok: true });
  });

  it("allows at most 3 attempts per 30 days, the next one when the oldest leaves the window", () => {
    const attempts = [-20, -10, -2].map((d) => ({ startedAt: hours(d * 24), endedAt: hours(d * 24 + 1) }));
    expect(attemptAllowance(attempts, now, rules)).toEqual({ ok: false, reason: "maxAttempts", until: hours(10 * 24) });
    expect(attemptAllowance(attempts, hours(10 * 24 + 1), rules)).toEqual({ ok: true });
    expect(attemptAllowance(attempts, now, { ...rules, maxAttempts: 0 })).toEqual({ ok: true });
  });
});
