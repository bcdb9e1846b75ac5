import { describe, expect, it } from "vitest";
import { nameProblem, ticketProblems } from "../lib/textRules";
import table from "../../../src-tauri/core/tests/fixtures/text-rules-cases.json";

/** A case's text: a string, or pieces of which `[piece, n]` is repeated. */
function expand(text: string | (string | (string | number)[])[]): string {
  if (typeof text === "string") return text;
  return text.map((p) => (typeof p === "string" ? p : String(p[0]).repeat(Number(p[1])))).join("");
}

/** The core's table (validate::tests::the_text_rules_case_table runs it against
 * accounts::validate_name, service::server_name and tickets::validate): the forms accept
 * exactly what the core accepts and refuse the same field. */
describe("name and ticket text checks agree with the core", () => {
  it("has the table", () => expect([table.names.length, table.tickets.length].every((n) => n > 25)).toBe(true));

  it.each(table.names.map((c) => [c.case, c] as const))("name: %s", (_, c) => {
    expect(nameProblem(expand(c.name)) === null ? null : "name").toBe(c.refused);
  });

  it.each(table.tickets.map((c) => [c.case, c] as const))("ticket: %s", (_, c) => {
    const fields = ticketProblems(expand(c.subject), expand(c.body), c.server_issue).map((p) => p.field);
    expect(fields).toEqual(c.refused === null ? [] : [c.refused]);
  });
});
