/** Saving a file the API answers (fetched with the session's token, so not a plain link). */
import { call } from './client';

/**
 * The file name a Content-Disposition gives: RFC 5987's `filename*=UTF-8''…` first (a Chinese
 * name as it was), else the plain `filename="…"` (its ASCII stand-in).
 */
export function dispositionName(header: string | null): string | undefined {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  if (extended) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // A malformed escape: the plain name below.
    }
  }
  return /filename="([^"]+)"/.exec(header ?? '')?.[1];
}

/** Hands the browser a blob to save as `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves the answer's blob under the name its Content-Disposition gives, else `fallback`. */
export async function saveAnswer(
  answer: Promise<{ data?: Blob; error?: unknown; response: Response }>,
  fallback: string,
): Promise<void> {
  const res = await answer;
  const blob = await call(Promise.resolve(res));
  saveBlob(blob, dispositionName(res.response.headers.get('Content-Disposition')) ?? fallback);
}
