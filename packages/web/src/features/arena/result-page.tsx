import { useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Result as AntResult, Table, Tag, Typography } from 'antd';
import { api, download } from '../../lib/api';
import { Page } from '../../components/page';
import { fmt, JUDGE_STATUS_LABEL, STATUS_LABEL, type ArenaResult, type JudgeStatus } from './types';

const STATUS_TAG: Record<JudgeStatus, string> = { used: 'default', trimmedHigh: 'orange', trimmedLow: 'blue', recused: 'purple', absent: 'red' };
type Row = ArenaResult['rows'][number];

/** 成绩: ranking, by criterion and by judge group, trimmed scores marked, the draw seed; Excel and Word. */
export function ResultPage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const q = useQuery({ queryKey: ['arena-result', id], queryFn: () => api.get<ArenaResult>(`/arenas/${id}/result`) });
  if (q.error) return <AntResult status="warning" title={q.error.message} />;
  const r = q.data;
  if (!r) return <Card loading />;
  const save = (ext: 'xlsx' | 'docx') => download(`/arenas/${id}/result.${ext}`).catch((e: Error) => message.error(e.message));
  return (
    <Page
      title={`${r.arena.title} · 成绩`}
      subtitle={`${r.arena.heldOn} · ${STATUS_LABEL[r.arena.status]} · 出场顺序抽签种子：${r.arena.seed ?? '未抽签'}`}
      extra={
        <>
          <Button onClick={() => void save('xlsx')}>导出 Excel</Button>
          <Button onClick={() => void save('docx')}>导出 Word 通报</Button>
        </>
      }
    >
      {r.arena.status !== 'finished' && <Alert type="info" showIcon message="擂台赛尚未结束，以下为已截止评分选手的即时成绩" style={{ marginBottom: 12 }} />}
      {r.absences.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`未评分评委：${r.absences.map((a) => `${a.name}（${a.groupId}，${a.contestants.join('、')}）`).join('；')}。未评分和回避均不计为零分。`} />
      )}
      <Table<Row>
        rowKey="contestantId"
        size="middle"
        pagination={false}
        dataSource={r.rows}
        data-testid="result-table"
        columns={[
          { title: '名次', dataIndex: 'rank', width: 70, render: (v: number | null) => (v === null ? '—' : <b>{v}</b>) },
          { title: '单位', dataIndex: 'unitName' },
          { title: '出场', dataIndex: 'position', width: 60 },
          { title: '总分', dataIndex: 'score', width: 90, render: (v: string | null) => <b>{fmt(v)}</b> },
          ...r.arena.criteria.map((c) => ({ title: `${c.id}(${Number(c.max)})`, key: c.id, width: 90, render: (_: unknown, row: Row) => fmt(row.criteria[c.id]) })),
          ...r.arena.groups.map((g) => ({ title: `${g.id}×${Number(g.weight)}`, key: g.id, width: 110, render: (_: unknown, row: Row) => fmt(row.groups.find((x) => x.groupId === g.id)?.score) })),
        ]}
        expandable={{
          expandedRowRender: (row) => (
            <div>
              {row.groups.map((g) => (
                <div key={g.groupId} style={{ marginBottom: 6 }}>
                  <Typography.Text strong>
                    {g.groupId}（组均分 {fmt(g.score)}，有效权重 {Number(g.weight)}）：
                  </Typography.Text>
                  {g.judges.map((j) => (
                    <Tag key={j.judgeId} color={STATUS_TAG[j.status]}>
                      {j.name} {j.total === null ? '' : fmt(j.total)} · {JUDGE_STATUS_LABEL[j.status]}
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
        计分规则：每位评委的分数为各评分项之和；评委组内有效分不少于 5 个时去掉一个最高分和一个最低分后取平均；选手得分为各组均分按权重加权（缺席的组按其余组权重重新归一）；回避和未评分的评委不计入。
      </Typography.Paragraph>
    </Page>
  );
}
