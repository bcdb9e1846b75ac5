/**
 * The core's rules for names and ticket text (service::server_name,
 * accounts::validate_name, tickets::validate), checked before anything is
 * sent; src-tauri/core/tests/fixtures/text-rules-cases.json holds both to the
 * same cases. Lengths count characters as the core does, not UTF-16 units;
 * trimming and control characters are Rust's too: Unicode White_Space (so
 * U+0085 is trimmed and U+FEFF is not, unlike String.prototype.trim) and
 * general category Cc.
 */
const CONTROL = /\p{Cc}/u;
const AROUND = /^\p{White_Space}+|\p{White_Space}+$/gu;

export const MAX_SUBJECT = 200;
export const MAX_BODY_BYTES = 64 * 1024;

export function charCount(s: string): number {
  return [...s].length;
}

/** Rust's `str::trim`. */
function trim(s: string): string {
  return s.replace(AROUND, "");
}

/** What is wrong with a name, or null. */
export function nameProblem(name: string, max = 64): string | null {
  const t = trim(name);
  if (!t) return "Enter a name";
  if (charCount(t) > max) return `At most ${max} characters`;
  if (CONTROL.test(t)) return "No control characters";
  return null;
}

/** The ticket form's subject and message, as the core will judge them. */
export function ticketProblems(subject: string, body: string, subjectOptional: boolean): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const s = trim(subject);
  if (!s && !subjectOptional) problems.push({ field: "subject", message: "a ticket needs a subject" });
  else if (charCount(s) > MAX_SUBJECT || CONTROL.test(s)) problems.push({ field: "subject", message: `use at most ${MAX_SUBJECT} characters on one line` });
  const b = trim(body);
  if (!b) problems.push({ field: "body", message: "describe the problem: the message is empty" });
  else if (new TextEncoder().encode(b).length > MAX_BODY_BYTES) problems.push({ field: "body", message: "the message is over 64 KB; shorten it or put long logs on a paste site" });
  return problems;
}
