import { ProjectOutlined } from '@ant-design/icons';
import type { Feature } from '../../lib/feature';
import { DashboardPage } from './dashboard-page';
import { ProjectPage } from './detail-page';
import { GanttPage } from './gantt-page';
import { ProjectListPage } from './list-page';
import { ProjectReportSection } from './report-section';
import { ProjectScreenPage } from './screen-page';

/** 重点项目: the register, the battle map, the dashboard; the month is reported in the monthly report. */
export const projectsFeature: Feature = {
  name: 'projects',
  routes: [
    { path: 'projects', element: <ProjectListPage /> },
    { path: 'projects/gantt', element: <GanttPage /> },
    { path: 'projects/dashboard', element: <DashboardPage /> },
    { path: 'projects/:id', element: <ProjectPage /> },
  ],
  // The 调度会's big screen: full-window, outside the shell, read with the screen computer's session.
  publicRoutes: [{ path: '/projects/screen', element: <ProjectScreenPage /> }],
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
  reportSections: [{ key: 'projects', Component: ProjectReportSection }],
};
