import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';

/** The catalog's departments, and a function naming one in the current language. */
export function useDepartments() {
  const { i18n } = useTranslation();
  const q = useQuery({
    queryKey: ['departments'],
    queryFn: () => call(api.GET('/api/departments')),
    staleTime: Infinity,
  });
  const items = q.data?.items ?? [];
  const en = i18n.language === 'en';
  const name = (code: string) => {
    const d = items.find((x) => x.code === code);
    return d ? (en ? d.nameEn : d.name) : code;
  };
  return { items, name };
}
