import { CommandRefused, validateCommand, type Actor, type Command } from '../../src';
import { Project, actors, cal } from '../fixture';

const MON = '2026-03-02';

/** The refusal of `command` by `actor` (with `onBehalfOf` for an agent), or 'allowed'. */
function verdict(p: Project, actor: Actor, command: Command, onBehalfOf?: string) {
  try {
    validateCommand(p.state, { actor, command, onBehalfOf }, { today: MON, cal });
    return 'allowed';
  } catch (e) {
    if (!(e instanceof CommandRefused)) throw e;
    return `${e.code}: ${e.message}`;
  }
}

/**
 * Who may act on a project and on which item is decided in one place (authorizeActor), before
 * any state is looked at: a refusal says only "not found", whatever the project's state.
 */
describe('authorizeActor', () => {
  const reviewing = () => {
    const p = new Project([{ code: 'A' }, { code: 'B', department: 'WRB' }]);
    p.open(MON);
    return p;
  };
  const withdraw: Command = { kind: 'WITHDRAW_ITEM', itemCode: 'A' };
  const approve = (itemCode: string): Command => ({ kind: 'DECIDE', itemCode, action: 'APPROVE' });
  const extend = (itemCode: string): Command => ({
    kind: 'GRANT_EXTENSION',
    itemCode,
    days: 2,
    reason: 'expert review',
  });

  it("lets an applicant act on its organisation's project only", () => {
    const p = reviewing();
    expect(verdict(p, actors.applicant, withdraw)).toBe('allowed');
    const stranger = { username: 'applicant2', role: 'APPLICANT', organisation: 'org-b' };
    expect(verdict(p, stranger, withdraw)).toBe('NOT_FOUND: project p1 not found');
  });

  it('lets an agent act for the organisation the API found its delegation or mandate of', () => {
    const p = reviewing();
    const agent = { username: 'agent', role: 'AGENT' };
    expect(verdict(p, agent, withdraw, 'org-a')).toBe('allowed');
    expect(verdict(p, agent, withdraw, 'org-b')).toBe('NOT_FOUND: project p1 not found');
    expect(verdict(p, agent, withdraw)).toBe('NOT_FOUND: project p1 not found');
  });

  it("keeps a department's officers and head to its items, and to projects that hold one", () => {
    const p = reviewing();
    expect(verdict(p, actors.officer('NRP'), approve('A'))).toBe('allowed');
    expect(verdict(p, actors.officer('NRP'), approve('B'))).toBe(
      "NOT_FOUND: item B is not one of department NRP's",
    );
    expect(verdict(p, actors.head('WRB'), extend('B'))).toBe('allowed');
    expect(verdict(p, actors.head('WRB'), extend('A'))).toBe(
      "NOT_FOUND: item A is not one of department WRB's",
    );
    expect(verdict(p, actors.officer('DRC'), approve('A'))).toBe('NOT_FOUND: project p1 not found');
  });

  it('answers "not found" before the state: a closed project says nothing to a stranger', () => {
    const p = reviewing();
    p.run({ kind: 'WITHDRAW_PROJECT', reason: 'moved' }, MON);
    expect(verdict(p, actors.officer('DRC'), approve('A'))).toBe('NOT_FOUND: project p1 not found');
    expect(verdict(p, actors.officer('NRP'), approve('A'))).toBe(
      'CONFLICT: the project is WITHDRAWN',
    );
  });
});
