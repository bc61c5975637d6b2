import { useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Result as AntResult, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { resultQuery } from './api/get-result';
import { exportResult } from './api/export-result';
import { Page } from '../../components/page';
import { Commitments } from './commitments';
import { useCriterionName } from './labels';
import { fmt, type ArenaResult, type JudgeStatus } from './types';

const STATUS_TAG: Record<JudgeStatus, string> = {
  used: 'default',
  trimmedHigh: 'orange',
  trimmedLow: 'blue',
  recused: 'purple',
  excused: 'magenta',
  absent: 'red',
};
type Row = ArenaResult['rows'][number];

/** 成绩: ranking, by criterion and by judge group, trimmed scores marked, the draw seed; Excel and Word. */
export function ResultPage() {
  const { t } = useTranslation(['arena', 'common']);
  const criterionName = useCriterionName();
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const q = useQuery(resultQuery(id));
  if (q.error) return <AntResult status="warning" title={q.error.message} />;
  const r = q.data;
  if (!r) return <Card loading />;
  const save = (ext: 'xlsx' | 'docx') => exportResult(id, ext).catch((e: Error) => message.error(e.message));
  return (
    <Page
      title={t('result.title', { title: r.arena.title })}
      subtitle={t('result.subtitle', {
        date: r.arena.heldOn,
        status: t(`status.${r.arena.status}`),
        seed: r.arena.seed ?? t('notDrawn'),
      })}
      extra={
        <>
          <Button onClick={() => void save('xlsx')}>{t('result.exportExcel')}</Button>
          <Button onClick={() => void save('docx')}>{t('result.exportWord')}</Button>
        </>
      }
    >
      {r.arena.status !== 'finished' && (
        <Alert type="info" showIcon message={t('result.provisional')} style={{ marginBottom: 12 }} />
      )}
      {r.absences.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('result.absences', {
            list: r.absences
              .map((a) =>
                t('result.absence', {
                  name: a.name,
                  group: a.groupId,
                  contestants: a.contestants.join(t('common:listSeparator')),
                }),
              )
              .join(t('common:problemSeparator')),
          })}
        />
      )}
      <Table<Row>
        scroll={{ x: 900 }}
        rowKey="contestantId"
        size="middle"
        pagination={false}
        dataSource={r.rows}
        data-testid="result-table"
        columns={[
          {
            title: t('result.rank'),
            dataIndex: 'rank',
            width: 70,
            render: (v: number | null) => (v === null ? '—' : <b>{v}</b>),
          },
          { title: t('result.unit'), dataIndex: 'unitName' },
          { title: t('result.position'), dataIndex: 'position', width: 60 },
          {
            title: t('result.score'),
            dataIndex: 'scoreShown',
            width: 90,
            render: (v: string | null) => <b>{fmt(v)}</b>,
          },
          ...r.arena.criteria.map((c) => ({
            title: t('result.criterionColumn', { name: criterionName(c.id), max: Number(c.max) }),
            key: c.id,
            width: 90,
            render: (_: unknown, row: Row) => fmt(row.criteriaShown[c.id]),
          })),
          ...r.arena.groups.map((g) => ({
            title: `${g.id}×${Number(g.weight)}`,
            key: g.id,
            width: 110,
            render: (_: unknown, row: Row) => fmt(row.groups.find((x) => x.groupId === g.id)?.scoreShown),
          })),
        ]}
        expandable={{
          expandedRowRender: (row) => (
            <div>
              {row.groups.map((g) => (
                <div key={g.groupId} style={{ marginBottom: 6 }}>
                  <Typography.Text strong>
                    {t('result.groupLine', { group: g.groupId, score: fmt(g.scoreShown), weight: Number(g.weight) })}
                  </Typography.Text>
                  {g.judges.map((j) => (
                    <Tag key={j.judgeId} color={STATUS_TAG[j.status]}>
                      {j.name} {j.totalShown ?? ''} · {t(`judgeStatus.${j.status}`)}
                    </Tag>
                  ))}
                </div>
              ))}
            </div>
          ),
          rowExpandable: (row) => row.groups.length > 0,
        }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('result.rules')}
      </Typography.Paragraph>
      <Commitments arena={r} />
    </Page>
  );
}
