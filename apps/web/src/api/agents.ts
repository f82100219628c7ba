/**
 * Agents acting for an applicant: one project's delegations, and the organisation's mandates
 * (an agent with a mandate acts on every project of the organisation and may create new ones).
 */
import { useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import { useCommand } from './command';
import { mandateKeys, projectKeys } from './keys';

export function useDelegations(projectId: string) {
  return useQuery({
    queryKey: projectKeys.delegations(projectId),
    queryFn: () =>
      call(api.GET('/api/projects/{id}/delegations', { params: { path: { id: projectId } } })),
  });
}

export const useGrantDelegation = (projectId: string) =>
  useCommand(
    (agentUsername: string) =>
      call(
        api.POST('/api/projects/{id}/delegations', {
          params: { path: { id: projectId } },
          body: { agentUsername },
        }),
      ),
    [projectKeys.delegations(projectId)],
  );

export const useRevokeDelegation = (projectId: string) =>
  useCommand(
    (agentUsername: string) =>
      call(
        api.DELETE('/api/projects/{id}/delegations/{agentUsername}', {
          params: { path: { id: projectId, agentUsername } },
        }),
      ),
    [projectKeys.delegations(projectId)],
  );

/** The applicant's organisation's mandates; an agent's own (to pick whom to act for). */
export function useMandates({ enabled = true } = {}) {
  return useQuery({
    queryKey: mandateKeys.all,
    queryFn: () => call(api.GET('/api/mandates')),
    enabled,
  });
}

export const useGrantMandate = () =>
  useCommand(
    (agentUsername: string) => call(api.POST('/api/mandates', { body: { agentUsername } })),
    [mandateKeys.all],
  );

export const useRevokeMandate = () =>
  useCommand(
    (agentUsername: string) =>
      call(api.DELETE('/api/mandates/{agentUsername}', { params: { path: { agentUsername } } })),
    [mandateKeys.all],
  );
