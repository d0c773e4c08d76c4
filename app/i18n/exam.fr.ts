import exam from "./fr/exam";

/**
 * The exam pages' strings (French: the reference): loaded by the pages that use them
 * (app/i18n/load/exam.client.ts), not by every page. Why an exam is closed (`refused`) stays in the core group.
 */
const group = { accreditation: { exam } };

export default group;
export type ExamGroup = typeof group;
