import { Segmented, Select } from 'antd';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

const PAGES = ['register', 'gantt', 'dashboard'] as const;
const PATH = { register: '/projects', gantt: '/projects/gantt', dashboard: '/projects/dashboard' } as const;

const currentYear = () => new Date().getFullYear();

/**
 * The year the pages show: `?year=` when it names one (last year's map at the start of a year), else this
 * year. The server judges the months against its own today.
 */
export function useYear(): number {
  const [params] = useSearchParams();
  const asked = Number(params.get('year'));
  return Number.isInteger(asked) && asked >= 2000 && asked <= currentYear() + 1 ? asked : currentYear();
}

/** The three views of the register, one switch above each, and the year they show. */
export function ProjectsNav() {
  const { t } = useTranslation('projects');
  const navigate = useNavigate();
  const location = useLocation();
  const year = useYear();
  const current = PAGES.find((p) => PATH[p] === location.pathname) ?? 'register';
  const go = (page: (typeof PAGES)[number], y: number) => void navigate(withYear(PATH[page], y));
  const years = [0, 1, 2].map((back) => currentYear() - back);
  return (
    <>
      <Select
        aria-label={t('nav.year')}
        value={year}
        style={{ width: 100 }}
        options={(years.includes(year) ? years : [year, ...years]).map((y) => ({
          value: y,
          label: t('nav.yearLabel', { year: y }),
        }))}
        onChange={(y) => go(current, y)}
      />
      <Segmented
        value={current}
        options={PAGES.map((p) => ({ value: p, label: t(`nav.${p}`) }))}
        onChange={(p) => go(p, year)}
      />
    </>
  );
}

/** A page's address for the year shown (this year's need no parameter). */
export const withYear = (path: string, year: number) => (year === currentYear() ? path : `${path}?year=${year}`);
