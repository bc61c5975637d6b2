import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { App, Button, DatePicker, Dropdown, Tabs } from 'antd';
import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../lib/api';
import { Page } from '../../components/page';
import { useCan } from '../../lib/session';
import { downloadBulletin, downloadRatings } from './api/act';
import { useRatingPoints } from './api/get-points';
import { OverviewPanel } from './overview-panel';
import { PhoneVerificationSetting } from './phone-setting';
import { PointsPanel } from './points-panel';
import { RankingsPanel } from './rankings-panel';
import { RatingsTable } from './ratings-table';

const TABS = ['overview', 'bad', 'review', 'appeals', 'rankings', 'points'] as const;
type Tab = (typeof TABS)[number];

/** 群众评价: the office's and each unit's page; the server scopes every list and names each row's actions. */
export function RatingsPage() {
  const { t } = useTranslation('ratings');
  const { message } = App.useApp();
  const can = useCan();
  const office = can('rating.manage');
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'overview';
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('year'), dayjs()]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const points = useRatingPoints();
  const fetchFile = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('failed'));
    }
  };
  const tabs: { key: Tab; label: string; children: React.ReactNode }[] = [
    { key: 'overview', label: t('tabs.overview'), children: <OverviewPanel from={from} to={to} /> },
    { key: 'bad', label: t('tabs.bad'), children: <RatingsTable filter={{ bad: '1', from, to }} /> },
    ...(office
      ? [
          { key: 'review' as const, label: t('tabs.review'), children: <RatingsTable filter={{ review: 'held' }} /> },
          {
            key: 'appeals' as const,
            label: t('tabs.appeals'),
            children: <RatingsTable filter={{ appeal: 'pending' }} />,
          },
          { key: 'rankings' as const, label: t('tabs.rankings'), children: <RankingsPanel from={from} to={to} /> },
        ]
      : []),
    {
      key: 'points',
      label: t('tabs.points'),
      children: (
        <>
          {office && <PhoneVerificationSetting />}
          <PointsPanel canManage={(points.data?.units.length ?? 0) > 0} units={points.data?.units ?? []} />
        </>
      ),
    },
  ];
  return (
    <Page
      title={t('title')}
      subtitle={t('subtitle')}
      extra={
        <>
          <DatePicker.RangePicker
            aria-label={t('range')}
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          />
          <Dropdown
            // A click opens it on a phone as on a desk; hover alone does not exist on a phone.
            trigger={['click']}
            menu={{
              items: [
                { key: 'docx', label: t('bulletinDocx') },
                { key: 'xlsx', label: t('bulletinXlsx') },
              ],
              onClick: ({ key }) => void fetchFile(() => downloadBulletin(from, to, key as 'docx' | 'xlsx')),
            }}
          >
            <Button icon={<FileWordOutlined />}>{t('downloadBulletin')}</Button>
          </Dropdown>
          <Button icon={<DownloadOutlined />} onClick={() => void fetchFile(() => downloadRatings(from, to))}>
            {t('export')}
          </Button>
        </>
      }
    >
      <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k })} items={tabs} destroyOnHidden />
    </Page>
  );
}
