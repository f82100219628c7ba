import { Alert } from 'antd';
import type { FormInstance } from 'antd';
import i18n from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { sayRefusal } from './refusals';

/** The API's field paths a form shows, each mapped to the form's own name of it. */
export type FieldMap = Record<string, (string | number)[]>;

/** The refusal's messages that name one of `fields` (they are shown next to that field). */
function atField(error: ApiError, apiField: string): string[] {
  return error.messages.filter(
    (m) => sayRefusal(i18n.t, m).field === apiField || error.forField(apiField).includes(m),
  );
}

/**
 * What went wrong, in words, once: 409 says why the state forbids it, 400 what to correct. With
 * `fields` (the form's), the messages shown next to those fields are left out here; a 400 whose
 * every message sits at a field shows no box at all.
 */
export function ApiErrorAlert({ error, fields }: { error: unknown; fields?: FieldMap }) {
  const { t } = useTranslation();
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const placed = new Set(
    e && e.status === 400 && fields ? Object.keys(fields).flatMap((f) => atField(e, f)) : [],
  );
  const rest = e ? e.messages.filter((m) => !placed.has(m)) : [];
  if (e && e.status === 400 && placed.size > 0 && rest.length === 0) return null;
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
        rest.length
          ? [...new Set(rest.map((m) => sayRefusal(t, m, e?.reason).text))].join(t('say.joiner'))
          : undefined
      }
    />
  );
}

/**
 * Puts a 400's messages, in the reader's words, next to the fields they name (`fields` maps the
 * API's field path to the form's); returns the messages no field took.
 */
export function showFieldErrors(form: FormInstance, error: unknown, fields: FieldMap): string[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  const rest = new Set(error.messages);
  const set: { name: (string | number)[]; errors: string[] }[] = [];
  for (const [apiField, name] of Object.entries(fields)) {
    const msgs = atField(error, apiField);
    if (msgs.length) {
      set.push({ name, errors: msgs.map((m) => sayRefusal(i18n.t, m).text) });
      msgs.forEach((m) => rest.delete(m));
    }
  }
  form.setFields(set);
  return [...rest];
}
