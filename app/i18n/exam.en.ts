import exam from "./en/exam";
import type { ExamGroup } from "./exam.fr";

/**
 * The exam pages' strings (English, typed by exam.fr.ts): loaded by the pages that use them
 * (app/i18n/load/exam.client.ts), not by every page. Why an exam is closed (`refused`) stays in the core group.
 */
const group: ExamGroup = { accreditation: { exam } };

export default group;
