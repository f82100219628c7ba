import type { Questionnaire } from '../questionnaire/questions';
import type { Rule } from '../questionnaire/rules';
import { isObj, isText, ruleProblems, show } from './checks';
import { standardEn } from './standards-en';
import {
  MATERIAL_SOURCES,
  type CatalogItem,
  type CatalogMaterial,
  type MaterialSource,
  type PaperCopies,
} from './types';

/** Material codes appear in URLs: uppercase ASCII, digits and `_`, 2-40 characters. */
export const MATERIAL_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,39}$/;

const count = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 20;

/**
 * An item's materials, checked: every problem goes to `issue` under the item's entry, naming the
 * material (`materials[2]` or its code). Answers the materials filled in.
 */
export function loadMaterials(
  raw: unknown,
  entry: string,
  issue: (entry: string, message: string) => void,
  questions: Questionnaire,
): CatalogMaterial[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    issue(entry, 'materials must be a list');
    return [];
  }
  const out: CatalogMaterial[] = [];
  raw.forEach((m: unknown, i) => {
    const at = isObj(m) && typeof m.code === 'string' ? `material ${m.code}` : `materials[${i}]`;
    const bad = (message: string) => issue(entry, `${at}: ${message}`);
    if (!isObj(m)) return bad('must be an object');
    if (typeof m.code !== 'string' || !MATERIAL_CODE_PATTERN.test(m.code))
      return bad(`code must match ${MATERIAL_CODE_PATTERN.source}, got ${show(m.code)}`);
    if (out.some((o) => o.code === m.code)) return bad('duplicate material code in this item');
    if (!isText(m.name) || !isText(m.nameEn)) bad('name and nameEn must be non-empty strings');
    if (!isText(m.standard)) bad('standard (the acceptance standard) must be a non-empty string');
    if (m.standardEn !== undefined && !isText(m.standardEn))
      bad('standardEn must be a non-empty string when given');
    const producedBy =
      m.producedBy === undefined || m.producedBy === null
        ? []
        : typeof m.producedBy === 'string'
          ? [m.producedBy]
          : m.producedBy;
    if (!Array.isArray(producedBy) || !producedBy.every((p) => typeof p === 'string'))
      bad('producedBy must be an item code or a list of item codes');
    const source =
      m.source ?? (Array.isArray(producedBy) && producedBy.length ? 'EARLIER_ITEM' : 'APPLICANT');
    if (!(MATERIAL_SOURCES as readonly unknown[]).includes(source))
      bad(`source must be one of ${MATERIAL_SOURCES.join(', ')}, got ${show(source)}`);
    if (source === 'EARLIER_ITEM' && (!Array.isArray(producedBy) || producedBy.length === 0))
      bad('source EARLIER_ITEM needs producedBy');
    const paper = m.paper ?? null;
    if (
      paper !== null &&
      (!isObj(paper) ||
        !count(paper.originals) ||
        !count(paper.copies) ||
        (paper.size !== undefined && !['A3', 'A4', 'A5'].includes(paper.size as string)))
    )
      bad('paper must be { originals, copies (0-20), size?: A3 | A4 | A5 }');
    if (m.deficiencyAllowed !== undefined && typeof m.deficiencyAllowed !== 'boolean')
      bad('deficiencyAllowed must be true or false');
    if (m.template !== undefined && m.template !== null && typeof m.template !== 'string')
      bad('template must be a string');
    for (const key of ['requiredWhen', 'waivedWhen'] as const) {
      if (m[key] === undefined || m[key] === null) continue;
      for (const problem of ruleProblems(m[key], key, questions)) bad(problem);
    }
    out.push({
      code: m.code,
      name: String(m.name),
      nameEn: String(m.nameEn),
      source: source as MaterialSource,
      producedBy: Array.isArray(producedBy) ? [...(producedBy as string[])] : [],
      paper: paper as PaperCopies | null,
      deficiencyAllowed: m.deficiencyAllowed === true,
      template: (m.template as string | undefined) ?? null,
      standard: String(m.standard),
      standardEn: isText(m.standardEn) ? m.standardEn : standardEn(String(m.standard)),
      requiredWhen: (m.requiredWhen as Rule | undefined) ?? null,
      waivedWhen: (m.waivedWhen as Rule | undefined) ?? null,
    });
  });
  return out;
}

/**
 * A material's producers are items of the catalogue in the same or an earlier stage than the
 * item that asks for it (a result cannot come from later in the process).
 */
export function checkProducers(
  items: readonly CatalogItem[],
  known: ReadonlySet<string>,
  stageIndex: (stage: string) => number,
  issue: (entry: string, message: string) => void,
): void {
  const byCode = new Map(items.map((it) => [it.code, it]));
  for (const item of items) {
    for (const m of item.materials ?? []) {
      for (const code of m.producedBy) {
        const producer = byCode.get(code);
        const at = `item ${item.code}`;
        if (!producer) {
          // An item with problems of its own is reported as such, not again here.
          if (!known.has(code))
            issue(at, `material ${m.code}: producedBy refers to unknown item ${code}`);
        } else if (code === item.code)
          issue(at, `material ${m.code}: an item cannot produce its own material`);
        else if (stageIndex(producer.stage) > stageIndex(item.stage))
          issue(
            at,
            `material ${m.code}: producedBy ${code} is in the later stage ${producer.stage}`,
          );
      }
    }
  }
}
