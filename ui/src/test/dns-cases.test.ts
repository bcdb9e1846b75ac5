import { describe, expect, it } from "vitest";
import type { RecordInput } from "../api/bindings";
import { validateRecord } from "../lib/dnsValidation";
import table from "../../../src-tauri/core/tests/fixtures/dns-validation-cases.json";

/** The core's table (dns::validate's `the_shared_case_table` runs it too): the form's live
 * checks give exactly the core's field errors, message for message. */
describe("DNS record checks agree with the core", () => {
  const blank: RecordInput = { type: null, host: "", data: "", ttl: null, priority: null, weight: null, port: null, service_type: null };
  it("has the table", () => expect(table.records.length).toBeGreaterThan(40));
  it.each(table.records.map((c) => [c.case, c] as const))("%s", (_, c) => {
    expect(validateRecord({ ...blank, ...(c.input as Partial<RecordInput>) }, c.zone)).toEqual(c.errors);
  });
});
