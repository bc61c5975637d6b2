import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Flex, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CadreRecord, CadreSource } from '@leitai/core';
import { Page } from '../../components/page';
import { ColourTag } from '../../components/colour-tag';
import { downloadRecord } from './api/export-record';
import { ExemptionCard } from './exemption-card';

/** Where an entry came from, as a route of the app (the server names the record; the web only links it). */
const linkOf = (s: CadreSource) =>
  s.kind === 'arena'
    ? `/arenas/${s.id}/result`
    : s.kind === 'ledger_item'
      ? `/ledger/items/${s.id}`
      : `/evaluations/${s.id}/units/${s.unitId}`;

/** 干部实绩档案: every section with a link to its source record, and the Word dossier. */
export function RecordView({ record: r }: { record: CadreRecord }) {
  const { t } = useTranslation('cadres');
  const { message } = App.useApp();
  const empty = { emptyText: t('record.empty') };
  const o = r.led.onTime;
  return (
    <Page
      title={t('record.title', { name: r.cadre.name })}
      subtitle={t('record.subtitle', { unit: r.cadre.unitName, post: r.cadre.post, since: r.cadre.since })}
      extra={
        <Button
          icon={<DownloadOutlined />}
          data-testid="record-docx"
          onClick={() => void downloadRecord(r.cadre.id).catch((e: Error) => message.error(e.message))}
        >
          {t('record.download')}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Alert type="info" showIcon message={t('record.audited')} />
        {r.notes.map((n) => (
          <Typography.Text key={n} type="secondary">
            {n}
          </Typography.Text>
        ))}
        <Card title={t('record.posts')} size="small">
          <Table
            rowKey={(p) => `${p.unitId}-${p.since}`}
            size="small"
            pagination={false}
            locale={empty}
            dataSource={r.posts}
            columns={[
              { title: t('register.unit'), dataIndex: 'unitName' },
              { title: t('register.post'), dataIndex: 'post' },
              {
                title: t('record.period'),
                render: (_: unknown, p: CadreRecord['posts'][number]) =>
                  t('record.until', { since: p.since, until: p.until ?? t('record.now') }),
              },
            ]}
          />
        </Card>
        <Card title={t('record.arenas')} size="small">
          <Table
            rowKey="arenaId"
            size="small"
            scroll={{ x: 840 }}
            pagination={false}
            locale={empty}
            dataSource={r.arenas}
            columns={[
              {
                title: t('record.arena'),
                width: 220,
                render: (_: unknown, a: CadreRecord['arenas'][number]) => <Link to={linkOf(a.source)}>{a.title}</Link>,
              },
              { title: t('record.kind'), dataIndex: 'kindLabel', width: 110 },
              { title: t('record.heldOn'), dataIndex: 'heldOn', width: 110 },
              {
                title: t('record.as'),
                dataIndex: 'as',
                width: 110,
                render: (as: string) => t(as === 'person' ? 'record.asPerson' : 'record.asUnit'),
              },
              { title: t('record.unitName'), dataIndex: 'unitName', width: 120 },
              {
                title: t('record.rank'),
                width: 90,
                render: (_: unknown, a: CadreRecord['arenas'][number]) =>
                  a.rank === null ? t('record.unfinished') : t('record.rankOf', { rank: a.rank, of: a.of }),
              },
              { title: t('record.score'), dataIndex: 'scoreShown', width: 80, render: (s: string | null) => s ?? '—' },
            ]}
          />
        </Card>
        <Card title={t('record.promises')} size="small">
          <Table
            rowKey="itemId"
            size="small"
            scroll={{ x: 750 }}
            pagination={false}
            locale={empty}
            dataSource={r.promises}
            columns={[
              {
                title: t('record.promise'),
                width: 240,
                render: (_: unknown, p: CadreRecord['promises'][number]) => (
                  <Link to={linkOf(p.source)}>{p.title}</Link>
                ),
              },
              { title: t('record.arena'), dataIndex: 'arenaTitle', width: 200 },
              { title: t('record.deadline'), dataIndex: 'deadline', width: 110 },
              {
                title: t('record.state'),
                width: 160,
                render: (_: unknown, p: CadreRecord['promises'][number]) => (
                  <Flex gap={4} wrap>
                    {p.stateLabel}
                    <ColourTag colour={p.colour} daysOverdue={0} />
                  </Flex>
                ),
              },
            ]}
          />
        </Card>
        <Card title={t('record.grades')} size="small">
          <Table
            rowKey={(g) => `${g.source.id}-${g.unitName}`}
            size="small"
            scroll={{ x: 750 }}
            pagination={false}
            locale={empty}
            dataSource={r.grades}
            columns={[
              { title: t('register.unit'), dataIndex: 'unitName', width: 140 },
              {
                title: t('record.evaluation'),
                width: 200,
                render: (_: unknown, g: CadreRecord['grades'][number]) => (
                  <Link to={linkOf(g.source)}>{g.evaluation}</Link>
                ),
              },
              { title: t('record.period'), dataIndex: 'period', width: 200 },
              {
                title: t('record.rank'),
                width: 90,
                render: (_: unknown, g: CadreRecord['grades'][number]) =>
                  t('record.rankOf', { rank: g.rank, of: g.of }),
              },
              { title: t('record.grade'), dataIndex: 'grade', width: 80, render: (g: string | null) => g ?? '—' },
              { title: t('record.total'), dataIndex: 'totalShown', width: 80 },
            ]}
          />
        </Card>
        <Card title={t('record.led')} size="small">
          <Typography.Paragraph>
            {o.rateShown === null
              ? t('record.noneDue', { count: r.led.items.length })
              : t('record.onTime', { ...o, rate: o.rateShown })}
          </Typography.Paragraph>
          <Table
            rowKey="itemId"
            size="small"
            scroll={{ x: 580 }}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={empty}
            dataSource={r.led.items}
            columns={[
              {
                title: t('record.item'),
                width: 240,
                render: (_: unknown, i: CadreRecord['led']['items'][number]) => (
                  <Link to={linkOf(i.source)}>{i.title}</Link>
                ),
              },
              { title: t('record.leadUnit'), dataIndex: 'unitName', width: 140 },
              { title: t('record.deadline'), dataIndex: 'deadline', width: 110 },
              { title: t('record.state'), dataIndex: 'stateLabel', width: 90 },
            ]}
          />
        </Card>
        <ExemptionCard record={r} />
      </Flex>
    </Page>
  );
}
