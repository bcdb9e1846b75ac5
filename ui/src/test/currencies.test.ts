import { describe, expect, it } from "vitest";
import { currencyName } from "../features/billing/currencies";

describe("currencyName", () => {
  it("names a currency in the given language and leaves codes it cannot name alone", () => {
    expect(currencyName("EUR", "en")).toBe("Euro");
    expect(currencyName("CHF", "de")).toBe("Schweizer Franken");
    expect(currencyName("XQZ", "en")).toBeNull();
    expect(currencyName("euro!", "en")).toBeNull();
  });
});
