/**
 * Codes to names, in one place: PDFs, notices and mail name items, departments and themes by
 * these, never by their codes. A code the catalogue does not know (an item of a region's own
 * catalogue, a department since removed) is its own name — better than nothing.
 */
import { defaultCatalog, findDepartment, findItem, findTheme } from './catalog';

/** A name in the languages the product speaks. */
export interface Names {
  readonly zh: string;
  readonly en: string;
}

const named = (e: { name: string; nameEn: string } | undefined, fallback: string): Names =>
  e ? { zh: e.name, en: e.nameEn } : { zh: fallback, en: fallback };

/** `fallback` (by default the code): what to call a code the catalogue does not know. */
export const itemNames = (code: string, fallback = code): Names =>
  named(findItem(defaultCatalog, code), fallback);

export const departmentNames = (code: string, fallback = code): Names =>
  named(findDepartment(defaultCatalog, code), fallback);

export const themeNames = (code: string, fallback = code): Names =>
  named(findTheme(defaultCatalog, code), fallback);
