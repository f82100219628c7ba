/**
 * Handing in a file for a material: multipart/form-data through XMLHttpRequest, the one browser
 * API that reports an upload's progress (fetch does not). It goes round openapi-fetch, so the
 * session's token is put on here, in `uploadToken` alone.
 */
import { ApiError, api, call } from './client';
import { session } from '../auth/session-store';
import type { MaterialFile } from './types';

/**
 * The bearer token of an upload. An access token that ran out while the page was idle is renewed
 * first, by a request through the client (its middleware refreshes the session).
 */
async function uploadToken(): Promise<string | null> {
  if (!session.token() && session.get()) await api.GET('/api/auth/me');
  return session.token();
}

export interface UploadTarget {
  projectId: string;
  itemCode: string;
  material: string;
}

export interface UploadOptions {
  /** One key per file: a retry of the same file is stored once. */
  key: string;
  onProgress?: (percent: number) => void;
}

const body = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
};

/** The ApiError `call` makes of a refusal, worded as every other answer's. */
const refusal = (status: number, error: unknown) =>
  call(Promise.resolve({ error, response: new Response(null, { status }) })).then(
    () => new ApiError(status, [], ''),
    (e: unknown) => e,
  );

/** Uploads `file`; the stored file, or an ApiError with the API's status and message. */
export async function uploadMaterialFile(
  t: UploadTarget,
  file: File,
  opts: UploadOptions,
): Promise<MaterialFile> {
  const token = await uploadToken();
  const path = `/api/projects/${encodeURIComponent(t.projectId)}/items/${encodeURIComponent(
    t.itemCode,
  )}/materials/${encodeURIComponent(t.material)}/files`;
  const form = new FormData();
  form.append('file', file, file.name);
  return new Promise<MaterialFile>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Idempotency-Key', opts.key);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.(Math.floor((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      const answer = body(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(answer as MaterialFile);
      else {
        if (xhr.status === 401) session.expired();
        void refusal(xhr.status, answer).then(reject);
      }
    };
    // No answer at all: the network (a status-less error, as ApiErrorAlert words it).
    xhr.onerror = () => reject(new TypeError('network'));
    xhr.send(form);
  });
}
