import { useState } from 'react';
import { App, Button, Card, Col, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { useLedgerCounts, type UnitCounts } from './api/get-counts';
import { useLedgerRates, type RateRow } from './api/get-rates';
import { downloadBulletin } from './api/download-bulletin';

const PARTS = ['year', 'H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4', ...Array.from({ length: 12 }, (_, i) => `M${i + 1}`)];
/** The server's period form: 2026, 2026-H1, 2026-Q2, 2026-05. */
const periodOf = (year: number, part: string) =>
  part === 'year'
    ? String(year)
    : part.startsWith('M')
      ? `${year}-${part.slice(1).padStart(2, '0')}`
      : `${year}-${part}`;

/** The bulletin's period chosen as a year and a part of it (全年, 上半年, 第二季度, 5月), never typed. */
function PeriodPicker({ onChange }: { onChange: (period: string) => void }) {
  const { t } = useTranslation('ledger');
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [part, setPart] = useState(`M${new Date().getMonth() + 1}`);
  const choose = (y: number, p: string) => {
    setYear(y);
    setPart(p);
    onChange(periodOf(y, p));
  };
  return (
    <Space.Compact>
      <Select
        value={year}
        onChange={(y: number) => choose(y, part)}
        style={{ width: 100 }}
        aria-label={t('stats.year')}
        data-testid="bulletin-year"
        options={Array.from({ length: 5 }, (_, i) => thisYear - i).map((y) => ({
          value: y,
          label: t('stats.yearLabel', { year: y }),
        }))}
      />
      <Select
        value={part}
        onChange={(p: string) => choose(year, p)}
        style={{ width: 110 }}
        aria-label={t('stats.period')}
        data-testid="bulletin-part"
        // Nineteen choices: all drawn, so 全年 is there to see when the list opens on 12月.
        virtual={false}
        listHeight={320}
        options={PARTS.map((p) => ({
          value: p,
          label: p.startsWith('M') ? t('stats.month', { month: Number(p.slice(1)) }) : t(`stats.parts.${p as 'year'}`),
        }))}
      />
    </Space.Compact>
  );
}

/** Counts per unit, the period's on-time close-out rates, and the 督查通报 downloads. */
export function StatsPanel() {
  const { message } = App.useApp();
  const { t } = useTranslation('ledger');
  const [period, setPeriod] = useState(() => periodOf(new Date().getFullYear(), `M${new Date().getMonth() + 1}`));
  const counts = useLedgerCounts();
  const rates = useLedgerRates(period);
  const total = (k: keyof Omit<UnitCounts, 'unitId' | 'unitName'>) => (counts.data ?? []).reduce((s, c) => s + c[k], 0);
  const bulletin = async (format: 'docx' | 'xlsx') => {
    try {
      await downloadBulletin(period, format);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('stats.bulletinFailed'));
    }
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col span={6}>
          <Card>
            <Statistic title={t('stats.open')} value={total('open')} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t('stats.overdue')} value={total('overdue')} valueStyle={{ color: '#cf1322' }} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic
              title={t('stats.closedOnTime')}
              value={total('closedOnTime')}
              valueStyle={{ color: '#389e0d' }}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t('stats.closedLate')} value={total('closedLate')} />
          </Card>
        </Col>
      </Row>
      <Card title={t('stats.byUnit')} size="small">
        <Table<UnitCounts>
          scroll={{ x: 800 }}
          rowKey="unitId"
          size="small"
          loading={counts.isLoading}
          dataSource={counts.data ?? []}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: t('fields.unit'), dataIndex: 'unitName' },
            { title: t('stats.columns.total'), dataIndex: 'total', width: 80 },
            { title: t('stats.columns.open'), dataIndex: 'open', width: 80 },
            { title: t('stats.columns.yellow'), dataIndex: 'yellow', width: 80 },
            {
              title: t('stats.columns.overdue'),
              dataIndex: 'overdue',
              width: 80,
              render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
            },
            { title: t('stats.closedOnTime'), dataIndex: 'closedOnTime', width: 90 },
            { title: t('stats.closedLate'), dataIndex: 'closedLate', width: 90 },
          ]}
        />
      </Card>
      <Card title={t('stats.ratesTitle')} size="small">
        {/* In the body, not the header's extra: on a phone the four controls wrap instead of running off. */}
        <Space wrap style={{ marginBottom: 8 }}>
          <PeriodPicker onChange={setPeriod} />
          <Button icon={<FileWordOutlined />} onClick={() => void bulletin('docx')} data-testid="bulletin-docx">
            {t('stats.word')}
          </Button>
          <Button icon={<FileExcelOutlined />} onClick={() => void bulletin('xlsx')}>
            {t('stats.excel')}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary">{t('stats.periodHint')}</Typography.Paragraph>
        {rates.error ? (
          <Typography.Text type="danger">{(rates.error as Error).message}</Typography.Text>
        ) : (
          <Table<RateRow>
            scroll={{ x: 800 }}
            rowKey="unitId"
            size="small"
            loading={rates.isLoading}
            dataSource={(rates.data?.rows ?? [])
              .filter((r) => r.due > 0)
              .sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999))}
            pagination={{ pageSize: 10 }}
            columns={[
              { title: t('stats.columns.rank'), dataIndex: 'rank', width: 70 },
              { title: t('fields.unit'), dataIndex: 'unitName' },
              { title: t('stats.columns.due'), dataIndex: 'due', width: 70 },
              { title: t('stats.closedOnTime'), dataIndex: 'onTime', width: 90 },
              { title: t('stats.closedLate'), dataIndex: 'late', width: 90 },
              { title: t('stats.overdue'), dataIndex: 'overdue', width: 100 },
              // The server's shown rate, rounded once from on-time / due (never the six-place rate again).
              {
                title: t('stats.columns.rate'),
                dataIndex: 'rateShown',
                width: 110,
                render: (v: string | null) => v ?? '—',
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
