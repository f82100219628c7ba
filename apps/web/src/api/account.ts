/** The signed-in person: who they are, their mail settings, signing in and out, the password. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSession } from '../auth/useSession';
import { api, call } from './client';
import { accountKeys } from './keys';
import type { Body } from './types';

export function useMe() {
  const s = useSession();
  return useQuery({
    queryKey: accountKeys.me(),
    queryFn: () => call(api.GET('/api/auth/me')),
    enabled: !!s,
    staleTime: 60_000,
  });
}

/** Who is who: the names of the people and organisations a page says acted (components/names). */
export function useDirectory() {
  const s = useSession();
  return useQuery({
    queryKey: accountKeys.directory(),
    queryFn: () => call(api.GET('/api/directory')),
    enabled: !!s,
    staleTime: 10 * 60_000,
  });
}

/** The embedded default's demo accounts (a 404 elsewhere: no list). */
export function useDemoAccounts() {
  return useQuery({
    queryKey: accountKeys.demoAccounts(),
    queryFn: () => call(api.GET('/api/auth/demo-accounts')),
    retry: false,
  });
}

export function useLogin() {
  return useMutation({
    mutationFn: (body: Body<'/api/auth/login', 'post'>) =>
      call(api.POST('/api/auth/login', { body })),
  });
}

/**
 * Ends the session on the server too, so a copied token is of no use; the refresh token is the
 * HttpOnly cookie the API clears (client.ts sends X-Refresh-Cookie on this path).
 */
export function logout() {
  return api.POST('/api/auth/logout', { body: {} });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: Body<'/api/auth/password', 'post'>) =>
      call(api.POST('/api/auth/password', { body })),
  });
}

export function useMailSettings() {
  return useQuery({
    queryKey: accountKeys.mail(),
    queryFn: () => call(api.GET('/api/auth/me/mail')),
  });
}

export function useSaveMailSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<'/api/auth/me', 'patch'>) => call(api.PATCH('/api/auth/me', { body })),
    onSuccess: (data) => qc.setQueryData(accountKeys.mail(), data),
  });
}
