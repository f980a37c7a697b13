import { replaceActiveCharacters } from "../validation/active-characters";
import { markdownCode } from "./markdown";

/** How a report writes a name from the plan (a stack, a construct path, an instance type, a region, a GPU). */
export type PlanName = (name: string) => string;

/** In text: on one line, active characters (a line break too) shown as "�", so a name cannot forge a table row. */
export const textName: PlanName = replaceActiveCharacters;

/** In Markdown: as inline code, where GitHub neither links, mentions nor renders anything. */
export const markdownName: PlanName = markdownCode;
