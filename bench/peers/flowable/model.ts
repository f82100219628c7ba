/**
 * The approval process as a BPMN 2.0 model for Flowable, generated from a checklist
 * (libs/domain `checklist(answers)`) by the Node driver, so both engines run the same items with
 * the same in-stage prerequisites:
 *
 *   start → for each stage in order (PLAN → START_PERMIT → COMPLETION):
 *     accept_<stage> (user task, group `window`: the stage's acceptance; completing it carries
 *       the stage's item instants as process variables)
 *     → fork_<stage> (parallel gateway)
 *     → per item X: join_X (parallel gateway over X's prerequisites in the stage, or the fork)
 *         → review_X (user task, group `officer.<department>`)
 *             with two non-interrupting boundary timers: warn_X at ${at_warn_X} and due_X at
 *             ${at_due_X} (instants computed by the driver with our working-day calendar)
 *         → decide_X (exclusive gateway): decision == 'SUPPLEMENT' → supplement_X (user task,
 *             group `applicant`) → back to review_X (the loop back to the applicant; leaving
 *             review_X cancels its timers, re-entering sets them again); otherwise → split_X
 *         → split_X (parallel gateway) → the joins of X's dependents, or the stage's join
 *     → join_<stage> (parallel gateway over the items nobody in the stage depends on)
 *   → end
 *
 * Ids and variable names keep only [A-Za-z0-9_] of the item codes.
 */
import type { Checklist, ChecklistItem } from '../../../libs/domain/src';

export const PROCESS_KEY = 'approval';

export const idOf = (code: string): string => code.replace(/[^A-Za-z0-9_]/g, '_');
export const reviewId = (code: string) => `review_${idOf(code)}`;
export const acceptId = (stage: string) => `accept_${idOf(stage)}`;
export const warnVar = (code: string) => `at_warn_${idOf(code)}`;
export const dueVar = (code: string) => `at_due_${idOf(code)}`;

const esc = (s: string) =>
  s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\$\{/g, '$\u200b{');

export interface ModelSummary {
  stages: { code: string; items: number; readyAtAcceptance: number }[];
  userTasks: number;
  boundaryTimers: number;
  gateways: number;
}

export function approvalBpmn(list: Checklist): { xml: string; summary: ModelSummary } {
  const out: string[] = [];
  const flows: string[] = [];
  let flowN = 0;
  let gateways = 0;
  let userTasks = 0;
  let timers = 0;
  const flow = (from: string, to: string, condition?: string, id = `f${++flowN}`) => {
    flows.push(
      condition
        ? `    <sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><conditionExpression xsi:type="tFormalExpression"><![CDATA[${condition}]]></conditionExpression></sequenceFlow>`
        : `    <sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`,
    );
    return id;
  };
  const parallel = (id: string) => {
    gateways++;
    out.push(`    <parallelGateway id="${id}"/>`);
  };
  const summary: ModelSummary['stages'] = [];

  out.push(`    <startEvent id="start"/>`);
  let previous = 'start';
  for (const stage of list.stages) {
    const items: ChecklistItem[] = stage.themes.flatMap((t) => t.items);
    if (items.length === 0) continue;
    const s = idOf(stage.code);
    userTasks++;
    out.push(
      `    <userTask id="${acceptId(stage.code)}" name="${esc(`${stage.name} 受理`)}" flowable:candidateGroups="window"/>`,
    );
    flow(previous, acceptId(stage.code));
    parallel(`fork_${s}`);
    flow(acceptId(stage.code), `fork_${s}`);
    parallel(`join_${s}`);
    const inStage = new Set(items.map((i) => i.code));
    const dependents = new Map<string, string[]>();
    for (const i of items)
      for (const p of i.prerequisites)
        if (inStage.has(p)) dependents.set(p, [...(dependents.get(p) ?? []), i.code]);
    let ready = 0;
    for (const i of items) {
      const x = idOf(i.code);
      const prereqs = i.prerequisites.filter((p) => inStage.has(p));
      parallel(`join_${x}`);
      if (prereqs.length === 0) {
        ready++;
        flow(`fork_${s}`, `join_${x}`);
      } else for (const p of prereqs) flow(`split_${idOf(p)}`, `join_${x}`);
      userTasks += 2;
      out.push(
        `    <userTask id="review_${x}" name="${esc(i.name)}" flowable:candidateGroups="officer.${esc(i.department)}"/>`,
        `    <boundaryEvent id="warn_${x}" attachedToRef="review_${x}" cancelActivity="false"><timerEventDefinition><timeDate>\${${warnVar(i.code)}}</timeDate></timerEventDefinition></boundaryEvent>`,
        `    <endEvent id="warned_${x}"/>`,
        `    <boundaryEvent id="due_${x}" attachedToRef="review_${x}" cancelActivity="false"><timerEventDefinition><timeDate>\${${dueVar(i.code)}}</timeDate></timerEventDefinition></boundaryEvent>`,
        `    <endEvent id="overdue_${x}"/>`,
        `    <userTask id="supplement_${x}" name="${esc(`${i.name} 补正`)}" flowable:candidateGroups="applicant"/>`,
      );
      timers += 2;
      flow(`join_${x}`, `review_${x}`);
      flow(`warn_${x}`, `warned_${x}`);
      flow(`due_${x}`, `overdue_${x}`);
      gateways++;
      out.push(`    <exclusiveGateway id="decide_${x}" default="approve_${x}"/>`);
      flow(`review_${x}`, `decide_${x}`);
      flow(`decide_${x}`, `supplement_${x}`, `\${decision == 'SUPPLEMENT'}`);
      flow(`supplement_${x}`, `review_${x}`);
      parallel(`split_${x}`);
      flow(`decide_${x}`, `split_${x}`, undefined, `approve_${x}`);
      const deps = dependents.get(i.code) ?? [];
      if (deps.length === 0) flow(`split_${x}`, `join_${s}`);
    }
    summary.push({ code: stage.code, items: items.length, readyAtAcceptance: ready });
    previous = `join_${s}`;
  }
  out.push(`    <endEvent id="end"/>`);
  flow(previous, 'end');

  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by bench/peers/flowable/model.ts from checklist(${list.projectType}); do not edit. -->
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
             xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
             xmlns:flowable="http://flowable.org/bpmn"
             targetNamespace="http://parallel-approvals/bench">
  <process id="${PROCESS_KEY}" name="Parallel approval (${list.projectType})" isExecutable="true">
${out.join('\n')}
${flows.join('\n')}
  </process>
</definitions>
`;
  return {
    xml,
    summary: { stages: summary, userTasks, boundaryTimers: timers, gateways },
  };
}
