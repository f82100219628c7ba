import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import type { ProjectForm } from './QuestionnaireForm';

/**
 * Creates the project from the questionnaire form and opens its page. The same key has one
 * effect: a double click or a retry after a lost answer makes one project.
 */
export function useCreateProject(key: string) {
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (v: ProjectForm) =>
      call(
        api.POST('/api/projects', {
          headers: { 'Idempotency-Key': key },
          body: {
            name: v.name.trim(),
            answers: v.answers,
            ...(v.ownerOrganisation?.trim()
              ? { ownerOrganisation: v.ownerOrganisation.trim() }
              : {}),
            ...(v.acceptedAt ? { acceptedAt: v.acceptedAt.format('YYYY-MM-DD') } : {}),
          },
        }),
      ),
    onSuccess: (r) => void navigate(`/projects/${r.id}`),
  });
}
