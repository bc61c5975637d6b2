import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Milestone, ProjectKind } from '@leitai/core';
import { api, download } from '../../../lib/api';
import type { Dashboard, Gantt, Plan, ProjectDetail, ProjectList, Ref } from '../types';

/** The projects API, one place: the register, one project, the map, the dashboard, and the writes. */
export const projectsKey = ['projects'] as const;

export const projectListQuery = (year: number) =>
  queryOptions({
    queryKey: [...projectsKey, 'list', year],
    queryFn: () => api.get<ProjectList>(`/projects?year=${year}`),
  });
export const useProjects = (year: number) => useQuery(projectListQuery(year));

export const useProject = (id: number, year: number) =>
  useQuery({
    queryKey: [...projectsKey, 'one', id, year],
    queryFn: () => api.get<ProjectDetail>(`/projects/${id}?year=${year}`),
  });

export const useGantt = (year: number) =>
  useQuery({
    queryKey: [...projectsKey, 'gantt', year],
    queryFn: () => api.get<Gantt>(`/projects/gantt?year=${year}`),
  });

export const useDashboard = (year: number) =>
  useQuery({
    queryKey: [...projectsKey, 'dashboard', year],
    queryFn: () => api.get<Dashboard>(`/projects/dashboard?year=${year}`),
  });

export const exportRegister = (year: number) => download(`/projects/export?year=${year}`);

/** 重点项目推进情况通报 for the judged month, as Word or Excel. */
export const downloadBulletin = (year: number, format: 'docx' | 'xlsx') =>
  download(`/projects/bulletin?year=${year}&format=${format}`);

export const requestChange = (id: number, body: { year: number; plan: Omit<Plan, 'version'>; reason: string }) =>
  api.post<{ id: number }>(`/projects/${id}/plan-changes`, body);

export const decideChange = (changeId: number, action: 'approve' | 'refuse', decision: string) =>
  api.post(`/projects/plan-changes/${changeId}/decision`, { action, decision });

export const recordInterview = (id: number, heldOn: string, record: string) =>
  api.post(`/projects/interviews/${id}/record`, { heldOn, record });

export const scheduleSteps = (
  id: number,
  year: number,
  milestone: Milestone,
  steps: { title: string; workingDays: number }[],
) => api.put(`/projects/${id}/steps?year=${year}`, { milestone, steps });

export interface ProjectFacts {
  name: string;
  kind: ProjectKind;
  totalInvestment: string;
  unitId: number;
  coUnitIds: number[];
  leaderId: number | null;
  deputyLeaderId: number | null;
  owner: string;
  manager: string;
  location: string;
  lng: string | null;
  lat: string | null;
}

/** The units the office may give a project and the leader accounts, for the register's form. */
export const projectChoicesQuery = queryOptions({
  queryKey: [...projectsKey, 'choices'],
  queryFn: () => api.get<{ units: Ref[]; leaders: Ref[] }>('/projects/choices'),
  staleTime: 60_000,
});

export const createProject = (body: ProjectFacts & { code: string; year: number; plan: Omit<Plan, 'version'> }) =>
  api.post<{ id: number }>('/projects', body);

export const updateProject = (id: number, body: ProjectFacts & { version: number }) =>
  api.put<{ id: number; version: number }>(`/projects/${id}`, body);
