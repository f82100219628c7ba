/** The administrator's: users, organisations and the working-day calendar. */
import { useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import { useCommand } from './command';
import { adminKeys } from './keys';
import type { Body, Ok, Query } from './types';

export type User = Ok<'/api/admin/users', 'get'>['items'][number];

export function useUsers(query: Query<'/api/admin/users'>) {
  return useQuery({
    queryKey: adminKeys.userList(query),
    queryFn: () => call(api.GET('/api/admin/users', { params: { query } })),
  });
}

/** Answers the user and its one-time password. */
export const useCreateUser = () =>
  useCommand(
    (body: Body<'/api/admin/users', 'post'>) => call(api.POST('/api/admin/users', { body })),
    [adminKeys.users()],
  );

/** A user's role, organisation and department, or whether the account is disabled. */
export const useUpdateUser = () =>
  useCommand(
    ({
      username,
      body,
    }: {
      username: string;
      body: Body<'/api/admin/users/{username}', 'patch'>;
    }) => call(api.PATCH('/api/admin/users/{username}', { params: { path: { username } }, body })),
    [adminKeys.users()],
  );

export function useOrganisations() {
  return useQuery({
    queryKey: adminKeys.organisations(),
    queryFn: () => call(api.GET('/api/admin/organisations')),
  });
}

export const useCreateOrganisation = () =>
  useCommand(
    (body: Body<'/api/admin/organisations', 'post'>) =>
      call(api.POST('/api/admin/organisations', { body })),
    [adminKeys.organisations()],
  );

export function useCalendarYears() {
  return useQuery({
    queryKey: adminKeys.calendarYears(),
    queryFn: () => call(api.GET('/api/calendar/years')),
  });
}

/** Loads a year's schedule; running projects recount (the answer says how many). */
export const useLoadCalendarYear = () =>
  useCommand(
    ({ year, body }: { year: number; body: Body<'/api/calendar/years/{year}', 'put'> }) =>
      call(api.PUT('/api/calendar/years/{year}', { params: { path: { year } }, body })),
    [adminKeys.calendarYears()],
  );
