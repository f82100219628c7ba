import type { CatalogItem, MaterialSource, PaperCopies } from '../catalog/types';
import type { AnswerReason } from './answers';
import { matchRule, type MatchedAnswer, type NormalizedAnswers } from './rules';

/** A material of a checklist item: whether the project needs it, why, and where it comes from. */
export interface ChecklistMaterial {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  /** False: waived for this project (`reason` says by which answers). */
  readonly required: boolean;
  /** The answers that made it required or waived; empty when the item always asks for it. */
  readonly reason: readonly AnswerReason[];
  /** `EARLIER_ITEM` only when the producing item is on this checklist; else who hands it in. */
  readonly source: MaterialSource;
  /** The item on this checklist whose result it is: nothing to hand in once that item is approved. */
  readonly producedBy: string | null;
  readonly paper: PaperCopies | null;
  /** 容缺: the window may accept the item while this material is still missing. */
  readonly deficiencyAllowed: boolean;
  readonly template: string | null;
  /** The acceptance standard (受理标准). */
  readonly standard: string;
  readonly standardEn: string;
}

/**
 * An item's materials for a project: those whose `requiredWhen` holds (or that have none),
 * waived where `waivedWhen` holds, each with the item on the checklist that provides it.
 */
export function checklistMaterials(
  item: CatalogItem,
  answers: NormalizedAnswers,
  onList: ReadonlySet<string>,
  reasons: (matched: MatchedAnswer[] | null) => AnswerReason[],
): ChecklistMaterial[] {
  const out: ChecklistMaterial[] = [];
  for (const m of item.materials) {
    const requiredBy = m.requiredWhen ? matchRule(m.requiredWhen, answers) : [];
    if (requiredBy === null) continue;
    const waivedBy = m.waivedWhen ? matchRule(m.waivedWhen, answers) : null;
    const producedBy = m.producedBy.find((code) => onList.has(code)) ?? null;
    out.push({
      code: m.code,
      name: m.name,
      nameEn: m.nameEn,
      required: waivedBy === null,
      reason: reasons(waivedBy ?? requiredBy),
      source: producedBy ? 'EARLIER_ITEM' : m.source === 'EARLIER_ITEM' ? 'APPLICANT' : m.source,
      producedBy,
      paper: m.paper,
      deficiencyAllowed: m.deficiencyAllowed,
      template: m.template,
      standard: m.standard,
      standardEn: m.standardEn,
    });
  }
  return out;
}
