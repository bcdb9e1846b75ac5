/**
 * The core's rules for names and ticket text (service::server_name,
 * accounts::validate_name, tickets::validate), checked before anything is
 * sent. Lengths count characters as the core does, not UTF-16 units.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export const MAX_SUBJECT = 200;
export const MAX_BODY_BYTES = 64 * 1024;

export function charCount(s: string): number {
  return [...s].length;
}

/** What is wrong with a non-empty name, or null. */
export function nameProblem(name: string, max = 64): string | null {
  const t = name.trim();
  if (charCount(t) > max) return `At most ${max} characters`;
  if (CONTROL.test(t)) return "No control characters";
  return null;
}

/** The ticket form's subject and message, as the core will judge them. */
export function ticketProblems(subject: string, body: string, subjectOptional: boolean): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const s = subject.trim();
  if (!s && !subjectOptional) problems.push({ field: "subject", message: "a ticket needs a subject" });
  else if (charCount(s) > MAX_SUBJECT || CONTROL.test(s)) problems.push({ field: "subject", message: `use at most ${MAX_SUBJECT} characters on one line` });
  const b = body.trim();
  if (!b) problems.push({ field: "body", message: "describe the problem: the message is empty" });
  else if (new TextEncoder().encode(b).length > MAX_BODY_BYTES) problems.push({ field: "body", message: "the message is over 64 KB; shorten it or put long logs on a paste site" });
  return problems;
}
