import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

const PAGES = ['register', 'gantt', 'dashboard'] as const;
const PATH = { register: '/projects', gantt: '/projects/gantt', dashboard: '/projects/dashboard' } as const;

/** The three views of the register, one switch above each. */
export function ProjectsNav() {
  const { t } = useTranslation('projects');
  const navigate = useNavigate();
  const location = useLocation();
  const current = PAGES.find((p) => PATH[p] === location.pathname) ?? 'register';
  return (
    <Segmented
      value={current}
      options={PAGES.map((p) => ({ value: p, label: t(`nav.${p}`) }))}
      onChange={(p) => void navigate(PATH[p])}
    />
  );
}

/** The year the pages show: this year (the server judges its months against its own today). */
export const thisYear = () => new Date().getFullYear();
