/**
 * The one place that turns a code into the name a person reads: an organisation (the API sends
 * its name beside its code), a department (the catalogue's, in the reader's language) and a
 * project's item (the report's, in the reader's language). A page never shows the code itself.
 */
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../api/catalog';
import type { Report } from '../api/types';

export function useNames() {
  const { i18n } = useTranslation();
  const depts = useDepartments();
  const en = i18n.language === 'en';
  return {
    organisation: (x: { ownerOrganisation: string; ownerOrganisationName?: string }) =>
      x.ownerOrganisationName || x.ownerOrganisation,
    department: depts.name,
    /** A project's owner's name by its code (a timeline names the organisation an agent acted for). */
    ownerOf: (report: Report | undefined) => (code: string) =>
      report && code === report.ownerOrganisation ? report.ownerOrganisationName : code,
    /** The names of a project's items, by code. */
    itemsOf: (report: Report | undefined) => {
      const items = new Map(
        (report?.stages ?? [])
          .flatMap((s) => s.themes.flatMap((th) => th.items))
          .map((i) => [i.code, en ? i.nameEn : i.name] as const),
      );
      return (code: string) => items.get(code) ?? code;
    },
  };
}
