/** The catalog the API serves: departments, the questionnaire, and the checklist its answers make. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import { api, call } from './client';
import { catalogKeys } from './keys';
import type { Body } from './types';

/** The catalog's departments, and a function naming one in the current language. */
export function useDepartments() {
  const { i18n } = useTranslation();
  const q = useQuery({
    queryKey: catalogKeys.departments(),
    queryFn: () => call(api.GET('/api/departments')),
    staleTime: Infinity,
  });
  const en = i18n.language === 'en';
  // Stable while the list and the language stay: a chart's memo may depend on `name`.
  return useMemo(() => {
    const items = q.data?.items ?? [];
    const name = (code: string) => {
      const d = items.find((x) => x.code === code);
      return d ? (en ? d.nameEn : d.name) : code;
    };
    return { items, name };
  }, [q.data, en]);
}

export function useQuestionnaire() {
  return useQuery({
    queryKey: catalogKeys.questionnaire(),
    queryFn: () => call(api.GET('/api/questionnaire')),
    staleTime: Infinity,
  });
}

/** The checklist the answers make (a POST that changes nothing: a preview). */
export function usePreviewChecklist() {
  return useMutation({
    mutationFn: (body: Body<'/api/checklists', 'post'>) =>
      call(api.POST('/api/checklists', { body })),
  });
}
