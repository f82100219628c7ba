/**
 * The one place that turns a code into the name a person reads: an organisation (the API sends
 * its name beside its code), a department (the catalogue's, in the reader's language), a
 * project's item (the report's, in the reader's language) and a person (the name the
 * administrator holds beside the login). A page never shows the code itself.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../api/account';
import { useDepartments } from '../api/catalog';
import type { Report } from '../api/types';

export function useNames() {
  const { i18n } = useTranslation();
  const depts = useDepartments();
  const directory = useDirectory();
  const [byLogin, byCode] = useMemo(
    () => [
      new Map((directory.data?.people ?? []).map((p) => [p.username, p.displayName])),
      new Map((directory.data?.organisations ?? []).map((o) => [o.code, o.name])),
    ],
    [directory.data],
  );
  const en = i18n.language === 'en';
  return {
    /** A person's name by login (the login itself for someone the caller may not look up). */
    person: (username: string) => byLogin.get(username) ?? username,
    /** An organisation's name by its code alone (an agent's files and acts name whom they served). */
    organisationByCode: (code: string) => byCode.get(code) ?? code,
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
