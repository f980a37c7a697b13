/** A Markdown table; numbers are given already formatted so each column chooses its precision. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

export const fixed = (value: number, digits = 1) => value.toFixed(digits);
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
