import type { ProjectState } from '../types';
import { refuse, type CommandEnvelope } from './command';

/**
 * Whether the actor may address the project and what the command names, checked before
 * anything else so that a refusal (NOT_FOUND) says nothing of the project's state. The one place
 * that answers "may this person act on this project, on this item": the applicant's own
 * organisation; an agent for the organisation the API found a delegation or mandate of
 * (`onBehalfOf`); a department's officers and head for projects holding one of its items, and
 * on those items only. Window officers and the service side act on any project; which roles may
 * send which command at all is the API's route guard.
 */
export function authorizeActor(state: ProjectState, env: CommandEnvelope): void {
  const { actor, command } = env;
  const hidden = () =>
    refuse('NOT_FOUND', `project ${state.projectId} not found`, { key: 'NOT_FOUND' });
  switch (actor.role) {
    case 'APPLICANT':
      if (actor.organisation !== state.ownerOrganisation) hidden();
      return;
    case 'AGENT':
      if (env.onBehalfOf !== state.ownerOrganisation) hidden();
      return;
    case 'REVIEWING_OFFICER':
    case 'DEPARTMENT_HEAD': {
      const dept = actor.department;
      if (!dept || !state.items.some((i) => i.department === dept)) hidden();
      const code = 'itemCode' in command ? command.itemCode : undefined;
      const item = code === undefined ? undefined : state.items.find((i) => i.code === code);
      if (item && item.department !== dept)
        refuse('NOT_FOUND', `item ${code} is not one of department ${dept}'s`, {
          key: 'NOT_FOUND',
        });
      if ('department' in command && command.department !== dept)
        refuse('NOT_FOUND', `department ${command.department} is not yours`, { key: 'NOT_FOUND' });
      return;
    }
  }
}
