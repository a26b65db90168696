/** One feature area's messages; both languages have the same keys. */
export interface MessageArea {
  en: Record<string, string>;
  ko: Record<string, string>;
}
