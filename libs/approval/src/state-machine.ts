/**
 * The approval state machine: which command the state allows (`validateCommand`, run by the
 * workflow's Update validator, so a refusal never enters history) and what it changes
 * (`applyCommand`). Pure and synchronous: the workflow supplies the day, the instant and ids.
 * Each command kind's rules are in `commands/<kind>.ts`; this file holds what all share.
 */
import { authorizeActor } from './commands/authorize';
import {
  HANDLERS,
  refuse,
  type CommandEnvelope,
  type CommandHandler,
  type CommandKind,
  type CommandResult,
  type Ctx,
  type ValidateCtx,
} from './commands';
import type { Outbox } from './outbox';
import { isStorableText } from './text';
import type { ProjectState } from './types';

/** How many request ids a project remembers (carried across continue-as-new). */
const REMEMBERED_REQUESTS = 500;

function handlerOf(kind: CommandKind): CommandHandler<CommandKind> {
  // Each handler takes only its own kind; the envelope's kind picks it, so the cast holds.
  const h = (HANDLERS as Record<string, CommandHandler<CommandKind> | undefined>)[kind];
  return h ?? refuse('INVALID', `unknown command ${kind}`);
}

/** The path of the first string the read model could not store (a lone surrogate, a NUL). */
function unstorable(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = unstorable(value[i], `${path}[${i}]`);
      if (bad) return bad;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const bad = unstorable(v, path ? `${path}.${k}` : k);
      if (bad) return bad;
    }
  }
  return undefined;
}

/** Throws CommandRefused when the state does not allow the command; returns nothing otherwise. */
export function validateCommand(state: ProjectState, env: CommandEnvelope, ctx: ValidateCtx): void {
  authorizeActor(state, env);
  handlerOf(env.command.kind).authorize?.(state, env.command, env);
  // The API's input pipe refuses these first; a command that reaches the workflow otherwise
  // would be applied and then refused by the read model.
  const bad = unstorable(env.command, '');
  if (bad)
    refuse('INVALID', `${bad} is not well-formed text (a lone surrogate or a NUL character)`);
  if (env.requestId && state.recentRequests.includes(env.requestId)) return; // replayed request: one effect
  // A follow-up check (核查) may come after the project completed: the workflow waits for it.
  const lateCheck = env.command.kind === 'CHECK_COMMITMENT' && state.status === 'COMPLETED';
  if (state.status !== 'IN_PROGRESS' && !lateCheck)
    refuse('CONFLICT', `the project is ${state.status}`, {
      key: 'PROJECT_NOT_OPEN',
      params: { status: state.status },
    });
  handlerOf(env.command.kind).validate(state, env.command, ctx);
}

/** Applies a validated command. Returns what the caller is told. */
export function applyCommand(
  state: ProjectState,
  env: CommandEnvelope,
  ctx: Ctx,
  out: Outbox,
): CommandResult {
  const result = (itemCode?: string): CommandResult => {
    const item = itemCode ? state.items.find((i) => i.code === itemCode) : undefined;
    return {
      seq: state.seq,
      projectStatus: state.status,
      stage: state.stage,
      ...(item ? { item: { code: item.code, status: item.status, round: item.round } } : {}),
    };
  };
  const c = env.command;
  if (env.requestId) {
    if (state.recentRequests.includes(env.requestId)) {
      return { ...result('itemCode' in c ? c.itemCode : undefined), duplicate: true };
    }
    state.recentRequests.push(env.requestId);
    if (state.recentRequests.length > REMEMBERED_REQUESTS)
      state.recentRequests.splice(0, state.recentRequests.length - REMEMBERED_REQUESTS);
  }
  const item = handlerOf(c.kind).apply(state, c, ctx, out, env);
  return result(item ? item.code : undefined);
}
