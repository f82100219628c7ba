/**
 * The API's refusals in the reader's language: the one place that turns a refusal into zh-CN or
 * en text. A refusal of the project's state carries `reason` — a stable key and what it names,
 * names in both languages (libs/approval commands/command.ts) — said by `refusal.<KEY>`. An
 * invalid field is named by the message, which starts with the field ("comment … is required",
 * "name must be shorter than …", class-validator's wording), so a form puts it next to that
 * field and the rest goes above the form.
 */
import type { TFunction } from 'i18next';

/** One refusal, said: the API field it names (dotted path), if any, and the text. */
export interface Said {
  field?: string;
  text: string;
}

/** A refusal's `reason` as the API sends it. */
export interface Reason {
  key: string;
  params?: Record<string, unknown>;
}

interface Named {
  name: string;
  nameEn: string;
}
const isNamed = (x: unknown): x is Named =>
  typeof x === 'object' && x !== null && typeof (x as Named).name === 'string';

/** What a status parameter means for each key: an item's, a stage's, a material's, a project's. */
const STATUS_OF: Record<string, string> = {
  MATERIAL_STATE: 'materials.status',
  PROJECT_NOT_OPEN: 'projectStatus',
};

/** A refusal's reason in the reader's words: its names in the reader's language. */
export function sayReason(t: TFunction, reason: Reason): string {
  // Which of a name's two languages this reader reads (`refusal.nameIn` of the language).
  const name = (x: Named) => (t('refusal.nameIn') === 'en' ? x.nameEn : x.name);
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(reason.params ?? {})) {
    if (Array.isArray(v)) params[k] = v.filter(isNamed).map(name).join(t('common.separator'));
    else if (isNamed(v)) params[k] = name(v);
    else if (k === 'status') params[k] = t(`${STATUS_OF[reason.key] ?? 'status'}.${String(v)}`);
    else if (k === 'stage') params[k] = t(`stage.${String(v)}`);
    else if (k === 'type') params[k] = t(`joint.${String(v)}`);
    else params[k] = typeof v === 'number' ? v : String(v);
  }
  return t(`refusal.${reason.key}`, { ...params, defaultValue: t('error.conflict') });
}

const FIELD = String.raw`([a-zA-Z][\w]*(?:\.[\w]+|\[\d+\](?:\.\w+)?)*)`;

/** A field's name as the reader knows it ("procedure.expectedDays" → 预计工作日). */
export function fieldName(t: TFunction, field: string): string {
  const key = field.replace(/\[\d+\]|\.\d+(?=\.|$)/g, '').replace(/\./g, '_');
  return t(`say.field.${key}`, { defaultValue: t('say.field.unknown') });
}

type Rule = [RegExp, (m: RegExpExecArray, t: TFunction) => Said];

const fieldSaid =
  (key: string) =>
  (m: RegExpExecArray, t: TFunction): Said => ({
    field: m[1],
    text: t(key, { field: fieldName(t, m[1]), n: m[2] }),
  });

const RULES: Rule[] = [
  [
    /^this needs one of the roles (.+); you are (\S+)$/,
    (m, t) => ({
      text: t('say.role', {
        roles: m[1]
          .split(', ')
          .map((r) => t(`role.${r}`))
          .join(t('common.separator')),
      }),
    }),
  ],
  [/^comment is required when the score is 1/, () => ({ field: 'comment', text: '' })],
  [new RegExp(`^${FIELD}(?: \\(.*?\\))? is required\\b`), fieldSaid('say.required')],
  [new RegExp(`^${FIELD} should not be empty$`), fieldSaid('say.required')],
  [
    new RegExp(`^${FIELD} must be shorter than or equal to (\\d+) characters$`),
    fieldSaid('say.tooLong'),
  ],
  [
    new RegExp(`^${FIELD} must be longer than or equal to (\\d+) characters$`),
    fieldSaid('say.tooShort'),
  ],
  [new RegExp(`^${FIELD} must not be less than (\\S+)$`), fieldSaid('say.min')],
  [new RegExp(`^${FIELD} must not be greater than (\\S+)$`), fieldSaid('say.max')],
  [new RegExp(`^${FIELD} must be after today`), fieldSaid('say.afterToday')],
  [new RegExp(`^${FIELD} must be today or later`), fieldSaid('say.todayOrLater')],
  [
    /^property (\S+) should not exist$/,
    (m, t) => ({ text: t('say.unknownField', { field: m[1] }) }),
  ],
  [
    /^projectCode: (\S+) belongs to another project$/,
    (m, t) => ({ field: 'projectCode', text: t('refusal.codeTaken', { code: m[1] }) }),
  ],
  [
    /^toWindow: \S+ is a window of the same region/,
    (_m, t) => ({ field: 'toWindow', text: t('say.sameRegionWindow') }),
  ],
  [/not found$/, (_m, t) => ({ text: t('say.notFound') })],
  [new RegExp(`^${FIELD}:? .*YYYY-MM-DD`), fieldSaid('say.dateFormat')],
  [new RegExp(`^${FIELD}: is a common password`), fieldSaid('say.commonPassword')],
  [new RegExp(`^${FIELD}: must not contain the username`), fieldSaid('say.noUsername')],
  [new RegExp(`^${FIELD}: must be at least (\\d+) characters`), fieldSaid('say.tooShort')],
  [new RegExp(`^${FIELD}: must be at most (\\d+) characters`), fieldSaid('say.tooLong')],
  [
    new RegExp(`^${FIELD}: the check character \\(the 18th\\) must be (\\S)`),
    fieldSaid('say.checkChar'),
  ],
  [new RegExp(`^${FIELD} must be `), fieldSaid('say.invalidField')],
  [new RegExp(`^${FIELD}: .* exists$`), fieldSaid('say.taken')],
  [new RegExp(`^${FIELD}: `), fieldSaid('say.invalidField')],
];

/**
 * One message of the API's refusal, in words the reader reads, with the field it names; a
 * refusal with a `reason` is said by it.
 */
export function sayRefusal(t: TFunction, message: string, reason?: Reason): Said {
  if (reason) return { text: sayReason(t, reason) };
  for (const [re, say] of RULES) {
    const m = re.exec(message);
    if (!m) continue;
    const said = say(m, t);
    // The rating rule's text needs the field's own words.
    if (!said.text && said.field) said.text = t('say.lowRatingComment');
    return said;
  }
  return { text: message };
}
