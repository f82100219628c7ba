/** Saving a file the API answers (fetched with the session's token, so not a plain link). */
import { call } from './client';

/** Saves the answer's blob under the name its Content-Disposition gives, else `fallback`. */
export async function saveAnswer(
  answer: Promise<{ data?: Blob; error?: unknown; response: Response }>,
  fallback: string,
): Promise<void> {
  const res = await answer;
  const blob = await call(Promise.resolve(res));
  const name = /filename="([^"]+)"/.exec(res.response.headers.get('Content-Disposition') ?? '');
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name?.[1] ?? fallback;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
