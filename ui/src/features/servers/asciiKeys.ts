/**
 * Sort keys for the servers table's collator (English, numeric, base): for a text of printable
 * ASCII, a string whose plain order (`<`) is the collator's order of the texts, equal keys where
 * the collator finds the texts equal. Sorting 10,000 names through ICU takes 21-28 ms in
 * WebKit, making their keys and sorting those 8-15 ms (stop 30, in the app's webview); most
 * names, addresses, regions and ids are ASCII.
 *
 * The order is the collator's own: each printable ASCII character's place is read from it once
 * (capital and small letters share one at base strength). English has no contractions ("ch" is
 * c then h), so a text sorts as the sequence of its characters' places, except in one respect:
 * with numeric ordering a run of digits sorts as its number, where the digits sort, leading
 * zeros not counted ("a01" equals "a1", "a9" comes before "a10"). A run's key is the place of "0",
 * then its length without the leading zeros, then those digits: between two runs at the same
 * point the shorter number comes first, and numbers of one length compare digit by digit.
 * Other languages can order letter pairs of their own (Czech "ch" after "h", Danish "aa" as "å"),
 * so for them this gives no keys, and neither does it for a text with any other character.
 */
export type AsciiKeys = (text: string) => string | null;

const FIRST = 0x20; // space
const LAST = 0x7e; // ~
const ZERO = 0x30;
const NINE = 0x39;
/** ICU splits longer runs of digits into numbers of 254 digits each; such texts go to ICU. */
const LONGEST_RUN = 254;

const isDigit = (c: number) => c >= ZERO && c <= NINE;

export function asciiKeys(collator: Intl.Collator): AsciiKeys | null {
  const { locale, numeric, sensitivity } = collator.resolvedOptions();
  if (locale.split("-")[0] !== "en" || !numeric || sensitivity !== "base") return null;

  const chars = Array.from({ length: LAST - FIRST + 1 }, (_, i) => String.fromCharCode(FIRST + i));
  chars.sort(collator.compare);
  // Places as characters from U+0100 up, above the digits that follow a run's length.
  const place: string[] = [];
  let at = 0x100;
  chars.forEach((c, i) => {
    if (i > 0 && collator.compare(chars[i - 1], c) !== 0) at++;
    place[c.charCodeAt(0)] = String.fromCharCode(at);
  });
  const number = place[ZERO];

  return (text) => {
    let key = "";
    let i = 0;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (isDigit(c)) {
        let end = i;
        while (end < text.length && isDigit(text.charCodeAt(end))) end++;
        while (i < end && text.charCodeAt(i) === ZERO) i++;
        if (end - i > LONGEST_RUN) return null;
        key += number + String.fromCharCode(0x100 + end - i) + text.slice(i, end);
        i = end;
      } else if (c >= FIRST && c <= LAST) {
        key += place[c];
        i++;
      } else {
        return null;
      }
    }
    return key;
  };
}
