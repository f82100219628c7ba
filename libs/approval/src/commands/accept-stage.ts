import { askAgain, findMaterial, isMissing, type MaterialState } from '../materials';
import * as notices from '../notices';
import type { ItemState, ProjectState } from '../types';
import { advance, clockStartOf, pendingStart } from './advance';
import { named, refuse, type CommandOf } from './command';
import { checkDate, findItem, findItemMaterial, requireText, stageOf } from './guards';
import type { CommandHandler } from './handler';
import { checkTheme, perTheme, themeClockStart, themesToDecide } from './themes';

type Accept = CommandOf<'ACCEPT_STAGE'>;

/**
 * The themes decided on where the catalogue accepts per theme (the one named, or every one handed
 * in); undefined where a stage is accepted whole.
 */
const decidedThemes = (state: ProjectState, c: Accept) =>
  perTheme(state) ? themesToDecide(state, stageOf(state, c.stage), c.theme) : undefined;

/** Whether the item is one the window decides on now: its stage's, of the themes decided. */
const decidedOn = (item: ItemState, c: Accept, themes: string[] | undefined) =>
  item.stage === c.stage && (themes === undefined || themes.includes(item.theme));

/** The items' materials still missing (to hand in, not waived or provided). */
function missingOfStage(state: ProjectState, c: Accept, themes: string[] | undefined) {
  return state.items
    .filter((i) => decidedOn(i, c, themes) && i.status === 'SUBMITTED')
    .map((item) => ({ item, missing: (item.materials ?? []).filter(isMissing) }))
    .filter((x) => x.missing.length > 0);
}

/** The window's 容缺: each listed material missing and allowed to follow, on a later date. */
function checkDeficiencies(
  state: ProjectState,
  c: Accept,
  today: string,
  cal: Parameters<typeof checkDate>[0],
  themes: string[] | undefined,
) {
  const promised = new Map<string, Set<string>>();
  (c.deficiencies ?? []).forEach((d, i) => {
    const item = findItem(state, d.itemCode);
    if (!decidedOn(item, c, themes))
      refuse(
        'INVALID',
        `deficiencies[${i}]: item ${item.code} is not in stage ${c.stage}${themes ? ` (themes ${themes.join(', ')})` : ''}`,
      );
    if (pendingStart(state, item))
      refuse(
        'CONFLICT',
        `deficiencies[${i}]: item ${item.code} waits for its prerequisites; its materials must be handed in (return the stage)`,
        { key: 'WAITS_PREREQUISITES', params: { item: named(item) } },
      );
    if (!Array.isArray(d.materials) || d.materials.length === 0)
      refuse('INVALID', `deficiencies[${i}].materials must name at least one material`);
    for (const code of d.materials) {
      const m = findItemMaterial(item, code);
      if (!isMissing(m))
        refuse('CONFLICT', `material ${code} of item ${item.code} is not missing (${m.status})`, {
          key: 'MATERIAL_STATE',
          params: { material: named(m), status: m.status },
        });
      if (!m.deficiencyAllowed)
        refuse(
          'CONFLICT',
          `material ${code} of item ${item.code} may not follow later (no 容缺 for it)`,
          { key: 'NO_DEFICIENCY_FOR', params: { material: named(m) } },
        );
    }
    checkDate(cal, d.dueDate, `deficiencies[${i}].dueDate`);
    if (d.dueDate <= today)
      refuse('INVALID', `deficiencies[${i}].dueDate must be after today (${today})`);
    promised.set(item.code, new Set([...(promised.get(item.code) ?? []), ...d.materials]));
  });
  const uncovered = missingOfStage(state, c, themes).flatMap(({ item, missing }) =>
    missing.filter((m) => !promised.get(item.code)?.has(m.code)).map((m) => ({ item, m })),
  );
  if (uncovered.length > 0)
    refuse(
      'CONFLICT',
      `materials missing: ${uncovered.map(({ item, m }) => `${item.code}: ${m.name} (${m.code})`).join('; ')}; accept them with deficiency (容缺) where allowed, or return the stage`,
      { key: 'MATERIALS_UNCOVERED', params: { materials: uncovered.map(({ m }) => named(m)) } },
    );
}

/**
 * The window officer accepts a submitted stage (its items start their clocks that day, except
 * those waiting on a prerequisite) — taking missing 容缺 materials later by a committed date —
 * or returns it with a reason and the materials to hand in again (no clock runs meanwhile).
 */
export const acceptStage: CommandHandler<'ACCEPT_STAGE'> = {
  validate(state, c, ctx) {
    const s = stageOf(state, c.stage);
    if (c.theme !== undefined) checkTheme(state, s, c.theme);
    const themes = decidedThemes(state, c);
    if (themes ? themes.length === 0 : s.status !== 'SUBMITTED')
      refuse(
        'CONFLICT',
        `stage ${c.stage} is ${s.status}; only a submitted stage can be accepted or returned`,
        { key: 'STAGE_STATE', params: { stage: c.stage, status: s.status } },
      );
    if (c.decision !== 'ACCEPT' && c.decision !== 'RETURN')
      refuse('INVALID', 'decision must be ACCEPT or RETURN');
    if (c.decision === 'RETURN') {
      requireText(c.reason, 'reason');
      (c.materials ?? []).forEach((x, i) => {
        const item = findItem(state, x.itemCode);
        if (!decidedOn(item, c, themes))
          refuse(
            'INVALID',
            `materials[${i}]: item ${item.code} is not in stage ${c.stage}${themes ? ` (themes ${themes.join(', ')})` : ''}`,
          );
        const m = findItemMaterial(item, x.materialCode);
        if (m.status === 'WAIVED' || m.status === 'PROVIDED_BY_RESULT')
          refuse('CONFLICT', `material ${m.code} of item ${item.code} is ${m.status}`, {
            key: 'MATERIAL_STATE',
            params: { material: named(m), status: m.status },
          });
      });
      return;
    }
    if (!ctx.imported) checkDeficiencies(state, c, ctx.today, ctx.cal, themes);
  },

  apply(state, c, ctx, out) {
    const s = stageOf(state, c.stage);
    const themes = decidedThemes(state, c);
    const detail = themes ? { themes } : {};
    if (c.decision === 'RETURN') {
      if (themes && s.themes) {
        for (const t of themes)
          s.themes[t] = { ...s.themes[t], status: 'RETURNED', returnReason: c.reason };
        // The stage is returned when nothing of it is handed in or accepted any more.
        if (
          s.status === 'SUBMITTED' &&
          Object.values(s.themes).every((t) => t.status === 'RETURNED')
        ) {
          s.status = 'RETURNED';
          s.returnReason = c.reason;
        }
      } else {
        s.status = 'RETURNED';
        s.returnReason = c.reason;
      }
      const again: { m: MaterialState; reason?: string }[] = [];
      for (const x of c.materials ?? []) {
        const m = findMaterial(findItem(state, x.itemCode), x.materialCode)!;
        askAgain(m, x.reason);
        again.push({ m, reason: x.reason });
      }
      for (const i of state.items)
        if (decidedOn(i, c, themes) && i.status === 'SUBMITTED') i.status = 'PENDING';
      out.event('STAGE_RETURNED', {
        stage: c.stage,
        detail: {
          reason: c.reason,
          ...(c.materials?.length ? { materials: c.materials } : {}),
          ...detail,
        },
      });
      out.notice(notices.stageReturned(state, c.stage, c.reason, again));
      return;
    }
    let from = clockStartOf(s, ctx.today);
    if (themes && s.themes)
      for (const code of themes) {
        const t = s.themes[code];
        from = themeClockStart(t, ctx.today);
        s.themes[code] = { ...t, status: 'ACCEPTED', acceptedOn: from };
      }
    if (!themes || s.status === 'SUBMITTED') {
      s.status = 'IN_REVIEW';
      s.acceptedOn = from;
    }
    out.event('STAGE_ACCEPTED', {
      stage: c.stage,
      clockEffect: 'STARTED',
      ...(from !== ctx.today
        ? { detail: { preReviewed: true, clocksFrom: from, ...detail } }
        : themes
          ? { detail }
          : {}),
    });
    advance(state, from, out);
    const started = state.items.filter(
      (i) => decidedOn(i, c, themes) && i.status === 'UNDER_REVIEW',
    );
    out.notice(
      notices.stageAccepted(
        state,
        c.stage,
        ctx.today,
        started.map((i) => i.code),
      ),
    );
    for (const d of c.deficiencies ?? [])
      windowDeficiency(state, findItem(state, d.itemCode), d, ctx, out);
  },
};

/** 容缺受理 at the window: the item runs on the commitment to hand in its named materials. */
function windowDeficiency(
  state: ProjectState,
  item: ItemState,
  d: { materials: string[]; dueDate: string },
  ctx: Parameters<CommandHandler<'ACCEPT_STAGE'>['apply']>[2],
  out: Parameters<CommandHandler<'ACCEPT_STAGE'>['apply']>[3],
) {
  const ms = d.materials.map((code) => findMaterial(item, code)!);
  // By name: the applicant reads it in notices and on the project page.
  const description = `容缺材料：${ms.map((m) => m.name).join('、')}`;
  item.deficiencies.push({
    id: ctx.newId(),
    description,
    dueDate: d.dueDate,
    status: 'OPEN',
    materials: [...d.materials],
  });
  out.event('ACCEPTED_WITH_DEFICIENCY', {
    stage: item.stage,
    itemCode: item.code,
    detail: { description, dueDate: d.dueDate, materials: d.materials },
  });
  out.notice(notices.acceptedWithDeficiency(state, item, { description, dueDate: d.dueDate }));
}
