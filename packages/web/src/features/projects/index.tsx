import { lazy } from 'react';
import { ProjectOutlined } from '@ant-design/icons';
import { lazyRoute, type Feature } from '../../lib/feature';

/** 重点项目: the register, the battle map, the dashboard; the month is reported in the monthly report. */
export const projectsFeature: Feature = {
  name: 'projects',
  routes: [
    lazyRoute(
      'projects',
      () => import('./list-page'),
      (m) => m.ProjectListPage,
    ),
    lazyRoute(
      'projects/gantt',
      () => import('./gantt-page'),
      (m) => m.GanttPage,
    ),
    lazyRoute(
      'projects/dashboard',
      () => import('./dashboard-page'),
      (m) => m.DashboardPage,
    ),
    lazyRoute(
      'projects/:id',
      () => import('./detail-page'),
      (m) => m.ProjectPage,
    ),
  ],
  // The 调度会's big screen: full-window, outside the shell, read with the screen computer's session.
  publicRoutes: [
    lazyRoute(
      '/projects/screen',
      () => import('./screen-page'),
      (m) => m.ProjectScreenPage,
    ),
  ],
  menu: [
    {
      path: '/projects',
      label: 'projects:menu.register',
      icon: <ProjectOutlined />,
      permission: 'project.read',
      group: 'business',
      order: 35,
    },
  ],
  // Drawn inside the monthly report (dispatch's page), which waits for it under its own Suspense.
  reportSections: [
    {
      key: 'projects',
      Component: lazy(() => import('./report-section').then((m) => ({ default: m.ProjectReportSection }))),
    },
  ],
};
