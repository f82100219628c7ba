/** A project's documents: a stage's receipt and an approved item's result, as data or as a PDF. */
import { useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import { saveAnswer } from './download';
import { projectKeys } from './keys';
import type { DocumentRef, Ok } from './types';

export type Receipt = Ok<'/api/projects/{id}/stages/{stage}/receipt', 'get'>;
export type ItemResult = Ok<'/api/projects/{id}/items/{itemCode}/result', 'get'>;

function fetchDocument(projectId: string, doc: DocumentRef, pdf: boolean) {
  const as = pdf
    ? { headers: { Accept: 'application/pdf' }, parseAs: 'blob' as const }
    : { parseAs: 'json' as const };
  return doc.kind === 'receipt'
    ? api.GET('/api/projects/{id}/stages/{stage}/receipt', {
        params: { path: { id: projectId, stage: doc.stage } },
        ...as,
      })
    : api.GET('/api/projects/{id}/items/{itemCode}/result', {
        params: { path: { id: projectId, itemCode: doc.itemCode } },
        ...as,
      });
}

export function useDocument(projectId: string, doc: DocumentRef) {
  return useQuery({
    queryKey: projectKeys.document(projectId, doc),
    queryFn: () =>
      call(
        fetchDocument(projectId, doc, false) as Promise<{
          data?: Receipt | ItemResult;
          response: Response;
        }>,
      ),
  });
}

/** Fetches the document as a PDF and saves it under its number. */
export const downloadDocument = (projectId: string, doc: DocumentRef) =>
  saveAnswer(
    fetchDocument(projectId, doc, true) as Promise<{ data?: Blob; response: Response }>,
    'document.pdf',
  );
