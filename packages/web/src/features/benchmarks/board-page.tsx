import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Table, Tag, Typography } from 'antd';
import { ExcelImport } from '../../components/excel-import';
import { Page } from '../../components/page';
import { useCan } from '../../lib/session';
import { benchmarksKey, useBoard } from './api';
import type { BenchmarkBoard, PeerGap } from './types';

type Indicator = BenchmarkBoard['indicators'][number];

/** The leader's view across indicators: one card per indicator, our figure against each peer's, gap and months. */
export function BenchmarksPage() {
  const { t } = useTranslation('benchmarks');
  const can = useCan();
  const client = useQueryClient();
  const q = useBoard();
  const list = q.data?.indicators ?? [];
  return (
    <Page
      title={t('title')}
      subtitle={t('subtitle')}
      extra={
        can('benchmark.manage') ? (
          <ExcelImport
            title={t('import')}
            templateUrl="/benchmarks/template"
            importUrl="/benchmarks/import"
            describeResult={(r) => t('imported', { count: (r as { indicators: number }).indicators })}
            onImported={() => void client.invalidateQueries({ queryKey: benchmarksKey })}
          />
        ) : undefined
      }
    >
      {!q.isLoading && list.length === 0 && <Empty description={t('empty')} />}
      <Row gutter={[16, 16]}>
        {list.map((i) => (
          <Col xs={24} xl={12} key={i.indicator}>
            <IndicatorCard indicator={i} />
          </Col>
        ))}
      </Row>
    </Page>
  );
}

function IndicatorCard({ indicator: i }: { indicator: Indicator }) {
  const { t } = useTranslation('benchmarks');
  const unit = (v: string) => `${v}${i.measure ? ` ${i.measure}` : ''}`;
  const months = (p: PeerGap) =>
    p.monthsToClose === null ? (
      <Typography.Text type="danger">{t('never')}</Typography.Text>
    ) : p.monthsToClose === 0 ? (
      <Typography.Text type="success">{t('ahead')}</Typography.Text>
    ) : (
      t('monthsValue', { count: p.monthsToClose })
    );
  return (
    <Card
      size="small"
      data-testid={`benchmark-${i.indicator}`}
      title={
        <>
          {i.indicator} {i.lowerIsBetter && <Tag>{t('lower')}</Tag>}
        </>
      }
      extra={
        <Typography.Text type="secondary">
          {t('ours')} {unit(i.ours.value)}（{i.ours.asOf}）
        </Typography.Text>
      }
    >
      <Table<PeerGap>
        rowKey="subject"
        size="small"
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={i.peers}
        columns={[
          { title: t('subject'), dataIndex: 'subject', width: 80 },
          {
            title: t('value'),
            key: 'value',
            align: 'right',
            width: 110,
            render: (_, p) => <span style={{ whiteSpace: 'nowrap' }}>{unit(p.value)}</span>,
          },
          { title: t('gap'), dataIndex: 'gap', align: 'right', width: 80 },
          { title: t('share'), key: 'share', align: 'right', width: 90, render: (_, p) => p.share ?? '—' },
          { title: t('months'), key: 'months', width: 110, render: (_, p) => months(p) },
          {
            title: t('source'),
            key: 'source',
            ellipsis: true,
            render: (_, p) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p.asOf} · {p.source}
                {p.caliber && ` · ${p.caliber}`}
              </Typography.Text>
            ),
          },
        ]}
      />
      {i.peers[0] && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('pace', { gain: unit(i.peers[0].gainPerMonth) })}
        </Typography.Text>
      )}
    </Card>
  );
}
