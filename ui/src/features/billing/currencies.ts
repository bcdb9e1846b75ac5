/** A currency code's name in the person's language ("EUR" → "Euro"); `null` for a code the browser does not know. */
export function currencyName(code: string, locale?: string): string | null {
  try {
    const name = new Intl.DisplayNames(locale ? [locale] : undefined, { type: "currency", fallback: "none" }).of(code);
    return name && name !== code ? name : null;
  } catch {
    // A code that is not three letters is refused by Intl; the table shows it as sent.
    return null;
  }
}
