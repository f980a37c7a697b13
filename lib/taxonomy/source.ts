/** Where a figure comes from, and the day it was read there. */
export interface Source {
  /** Human-readable title of the page or document. */
  readonly title: string;
  /** Address of the page or document. */
  readonly url: string;
  /** ISO date (YYYY-MM-DD) the figure was checked against this source. */
  readonly asOf: string;
}
