/** A catalogue document as the page reads it from a file: loosely, since it may be wrong. */
export interface DocDepartment {
  code?: string;
  name?: string;
  nameEn?: string;
  level?: string;
}

export interface DocItem {
  code?: string;
  name?: string;
  nameEn?: string;
  stage?: string;
  department?: string;
  promisedLimitDays?: number;
  promisedLimitDaysByType?: Record<string, number> | null;
  statutoryLimitDays?: number;
  prerequisites?: string[];
  /** 对应标准审批事项编码 (DYBZSPSXBM): 4-7 digits; none when absent or null. */
  standardCode?: string | null;
  materials?: DocMaterial[];
}

/** A material of an item, as the document holds it (other fields kept as they are). */
export interface DocMaterial {
  code?: string;
  name?: string;
  nameEn?: string;
  source?: string;
  producedBy?: string | string[] | null;
  paper?: { originals?: number; copies?: number; size?: string } | null;
  deficiencyAllowed?: boolean;
  standard?: string;
  standardEn?: string;
  [other: string]: unknown;
}

/** A project type's policy: total limit, warning and the express lanes' switches. */
export interface DocPolicy {
  limitDays?: number;
  warning?: { usedPercent?: number; daysLeft?: number };
  preReviewAutoAccept?: boolean;
  acceptPerTheme?: boolean;
}

export interface CatalogueDoc {
  version?: string;
  region?: string;
  departments?: DocDepartment[];
  items?: DocItem[];
  policies?: { byType?: Record<string, DocPolicy> };
}

/** The document a file holds, or undefined when it is not a JSON object. */
export function parseDocument(text: string): CatalogueDoc | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The API's problems (`$.items[3].department: unknown …`): those of each item, and the rest. */
export function placeIssues(messages: readonly string[]) {
  const byItem = new Map<number, string[]>();
  const rest: string[] = [];
  for (const m of messages) {
    const at = /^\$\.items\[(\d+)\](\S*): (.*)$/.exec(m);
    if (!at) {
      rest.push(m);
      continue;
    }
    const list = byItem.get(Number(at[1])) ?? [];
    list.push(at[2] ? `${at[2].replace(/^\./, '')}: ${at[3]}` : at[3]);
    byItem.set(Number(at[1]), list);
  }
  return { byItem, rest };
}
