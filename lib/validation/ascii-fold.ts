/** `text` with accents dropped ("Ünïcødé" → "Unicode"): compatibility decomposition, then no combining marks. */
export function asciiFold(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}
