/** Regions and catalogue versions: the administrator imports, compares and publishes. */
import { useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import { useCommand } from './command';
import { catalogueKeys } from './keys';
import type { Body, Ok } from './types';

export type Region = Ok<'/api/regions', 'get'>['items'][number];
export type CatalogueVersion = Ok<'/api/catalogue/versions', 'get'>['items'][number];
export type CatalogueDiff = Ok<'/api/catalogue/versions/{a}/diff/{b}', 'get'>;

/** The regions a page offers: the national default first, then the province → district tree. */
export function useRegions() {
  return useQuery({
    queryKey: catalogueKeys.regions(),
    queryFn: () => call(api.GET('/api/regions')),
    select: (d) => ({ items: [d.defaultRegion, ...d.items] }),
  });
}

export const useCreateRegion = () =>
  useCommand(
    (body: Body<'/api/admin/regions', 'post'>) => call(api.POST('/api/admin/regions', { body })),
    [catalogueKeys.regions()],
  );

export function useCatalogueVersions(region: string) {
  return useQuery({
    queryKey: catalogueKeys.versions(region),
    queryFn: () => call(api.GET('/api/catalogue/versions', { params: { query: { region } } })),
  });
}

/** Imports a document as a draft of its region (a 400 lists every problem with its JSON path). */
export const useImportCatalogue = () =>
  useCommand(
    (document: Record<string, unknown>) =>
      call(api.POST('/api/catalogue/versions', { body: document })),
    [catalogueKeys.all],
  );

export const usePublishCatalogue = () =>
  useCommand(
    ({ id, effectiveFrom }: { id: string; effectiveFrom: string }) =>
      call(
        api.POST('/api/catalogue/versions/{id}/publish', {
          params: { path: { id } },
          body: { effectiveFrom },
        }),
      ),
    [catalogueKeys.all],
  );

export function useCatalogueDiff(from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: catalogueKeys.diff(from ?? '', to ?? ''),
    queryFn: () =>
      call(
        api.GET('/api/catalogue/versions/{a}/diff/{b}', {
          params: { path: { a: from!, b: to! } },
        }),
      ),
    enabled: Boolean(from && to && from !== to),
  });
}

/** A version's document, as imported (and edited while a draft). */
export function useCatalogueDocument(id: string | undefined) {
  return useQuery({
    queryKey: catalogueKeys.document(id ?? ''),
    queryFn: () =>
      call(api.GET('/api/catalogue/versions/{id}', { params: { path: { id: id! } } })) as Promise<
        Record<string, unknown>
      >,
    enabled: Boolean(id),
  });
}

/** Replaces a draft's item (a 400 lists the document's problems with the change). */
export const useEditCatalogueItem = () =>
  useCommand(
    ({ id, code, item }: { id: string; code: string; item: Record<string, unknown> }) =>
      call(
        api.PUT('/api/catalogue/versions/{id}/items/{code}', {
          params: { path: { id, code } },
          body: item,
        }),
      ),
    [catalogueKeys.all],
  );

/** The version's document (an export), as a file the browser saves. */
export async function exportCatalogue(id: string): Promise<Blob> {
  const doc = await call(api.GET('/api/catalogue/versions/{id}', { params: { path: { id } } }));
  return new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' });
}
