import { Alert } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { wordRefusal } from './refusals';

/** What went wrong, in words: 409 says why the state forbids it, 400 lists the fields. */
export function ApiErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const title = !e
    ? t('error.network')
    : e.status === 409
      ? t('error.conflict')
      : e.status === 400
        ? t('error.invalid')
        : e.status === 403 || e.status === 404
          ? t('error.notAllowed')
          : e.status === 503
            ? t('error.unavailable')
            : t('error.generic', { status: e.status });
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 12 }}
      message={title}
      description={
        e?.messages.length ? e.messages.map((m) => wordRefusal(t, m)).join('；') : undefined
      }
    />
  );
}

/**
 * Puts a 400's messages next to the fields they name (`fields` maps the API's field path to the
 * form's); returns the messages no field took.
 */
export function showFieldErrors(
  form: FormInstance,
  error: unknown,
  fields: Record<string, (string | number)[]>,
): string[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  const rest = new Set(error.messages);
  const set: { name: (string | number)[]; errors: string[] }[] = [];
  for (const [apiField, name] of Object.entries(fields)) {
    const msgs = error.forField(apiField);
    if (msgs.length) {
      set.push({ name, errors: msgs });
      msgs.forEach((m) => rest.delete(m));
    }
  }
  form.setFields(set);
  return [...rest];
}
