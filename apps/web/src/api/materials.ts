/**
 * Materials (申请材料): a project's materials with every round's files and the verdicts, its
 * 一次性告知书 (also of answers, before the project exists), a file's bytes, taking a file back
 * and an officer's verdict. Uploads are in upload.ts (XMLHttpRequest, for their progress).
 */
import { useQuery } from '@tanstack/react-query';
import { api, call, idempotencyKey } from './client';
import { saveAnswer, saveBlob } from './download';
import { fileKeys, projectKeys } from './keys';
import { useProjectCommand } from './projects';
import type { Body, MaterialFile, Requirements } from './types';

export function useMaterials(projectId: string) {
  return useQuery({
    queryKey: projectKeys.materials(projectId),
    queryFn: () =>
      call(api.GET('/api/projects/{id}/materials', { params: { path: { id: projectId } } })),
  });
}

/** The project's 一次性告知书 as data: paper copies and acceptance standards of each material. */
export function useRequirements(projectId: string) {
  return useQuery({
    queryKey: projectKeys.requirements(projectId),
    queryFn: () =>
      call(
        // JSON: the route answers a PDF only when asked for one.
        api.GET('/api/projects/{id}/requirements', {
          params: { path: { id: projectId } },
        }) as Promise<{ data?: Requirements; response: Response }>,
      ),
  });
}

const asPdf = { headers: { Accept: 'application/pdf' }, parseAs: 'blob' as const };

/** Saves the project's 一次性告知书 as the PDF the API prints. */
export const downloadRequirements = (projectId: string) =>
  saveAnswer(
    api.GET('/api/projects/{id}/requirements', { params: { path: { id: projectId } }, ...asPdf }),
    '一次性告知书.pdf',
  );

/** Saves the 一次性告知书 of questionnaire answers (before the project exists) as a PDF. */
export const downloadPreviewRequirements = (
  answers: Body<'/api/checklists/requirements', 'post'>,
) =>
  saveAnswer(
    api.POST('/api/checklists/requirements', { body: answers, ...asPdf }),
    '一次性告知书.pdf',
  );

/** A handed-in file's bytes, for a preview or to save. */
export const fetchFile = (fileId: string) =>
  call(
    api.GET('/api/files/{fileId}', {
      params: { path: { fileId }, query: { inline: true } },
      parseAs: 'blob',
    }) as Promise<{ data?: Blob; response: Response }>,
  );

/** A file's bytes for a preview, kept while the page lives (a file never changes). */
export function useFileBytes(fileId: string) {
  return useQuery({
    queryKey: fileKeys.bytes(fileId),
    queryFn: () => fetchFile(fileId),
    staleTime: Infinity,
    gcTime: 5 * 60_000,
  });
}

/** Saves a handed-in file under the name it was handed in with. */
export const downloadFile = async (f: Pick<MaterialFile, 'id' | 'filename'>) =>
  saveBlob(await fetchFile(f.id), f.filename);

/** The applicant takes a file back from a material's open round (to replace it). */
export function useDetachFile(projectId: string) {
  return useProjectCommand(projectId, (f: MaterialFile) =>
    call(
      api.DELETE('/api/projects/{id}/items/{itemCode}/materials/{material}/files/{fileId}', {
        params: {
          path: { id: projectId, itemCode: f.itemCode, material: f.materialCode, fileId: f.id },
        },
        headers: { 'Idempotency-Key': idempotencyKey() },
      }),
    ),
  );
}

export type Verdict = Body<'/api/tasks/{taskId}/materials/{material}/review', 'post'>;

/** A reviewing officer's verdict on one material of the item `taskId`. */
export function useReviewMaterial(projectId: string, taskId: string) {
  return useProjectCommand(
    projectId,
    ({ material, verdict, key }: { material: string; verdict: Verdict; key: string }) =>
      call(
        api.POST('/api/tasks/{taskId}/materials/{material}/review', {
          params: { path: { taskId, material } },
          headers: { 'Idempotency-Key': key },
          body: verdict,
        }),
      ),
  );
}
