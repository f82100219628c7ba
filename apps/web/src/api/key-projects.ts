/**
 * Key projects (重点项目), their specialists (代办专员) and the specialist's plan: the service
 * centre's flag and assignment, the owner's consent, the plan's targets. Each command refreshes
 * the project's reads, the lists and the staff queues (key projects sort first in them).
 */
import { useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import { projectKeys } from './keys';
import { useProjectCommand } from './projects';
import type { Body, CommandInput } from './types';

const path = (id: string) => ({ params: { path: { id } } });

export const useFlagKey = (id: string, said: () => string) =>
  useProjectCommand(
    id,
    ({ values }: CommandInput<{ reason: string }>) =>
      call(api.POST('/api/projects/{id}/key', { ...path(id), body: values })),
    said,
  );

export const useUnflagKey = (id: string, said: () => string) =>
  useProjectCommand(id, () => call(api.DELETE('/api/projects/{id}/key', path(id))), said);

export const useAssignSpecialist = (id: string, said: () => string) =>
  useProjectCommand(
    id,
    ({ values }: CommandInput<{ username: string }>) =>
      call(api.POST('/api/projects/{id}/specialist', { ...path(id), body: values })),
    said,
  );

export const useSpecialistConsent = (id: string, said: (accept: boolean) => string) =>
  useProjectCommand(
    id,
    (accept: boolean) =>
      call(api.POST('/api/projects/{id}/specialist/consent', { ...path(id), body: { accept } })),
    said,
  );

export function usePlan(id: string) {
  return useQuery({
    queryKey: projectKeys.plan(id),
    queryFn: () => call(api.GET('/api/projects/{id}/plan', path(id))),
  });
}

export type PlanBody = Body<'/api/projects/{id}/plan', 'put'>;

export const useSetPlan = (id: string, said: () => string) =>
  useProjectCommand(
    id,
    ({ values }: CommandInput<PlanBody>) =>
      call(api.PUT('/api/projects/{id}/plan', { ...path(id), body: values })),
    said,
  );
