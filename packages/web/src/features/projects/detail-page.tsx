import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { App, Button, Card, Descriptions, Empty, Flex, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { ApiError } from '../../lib/api';
import { Page } from '../../components/page';
import { decideChange, projectsKey, recordInterview, requestChange, useProject } from './api';
import { CardTag } from './card-tag';
import { GanttChart } from './gantt-chart';
import { useYear, withYear } from './nav';
import { EditProjectButton } from './project-form';
import { StepsButton } from './steps-button';
import type { ProjectDetail } from './types';

/** One project: facts, its milestones against the baseline, the months with their cards, changes and interviews. */
export function ProjectPage() {
  const id = Number(useParams().id);
  const year = useYear();
  const q = useProject(id, year);
  const { t } = useTranslation('projects');
  const p = q.data;
  return (
    <Page
      title={p ? p.name : t('detail.facts')}
      subtitle={p ? `${p.code} · ${p.unit.name}` : undefined}
      extra={
        <>
          {p?.actions.edit && <EditProjectButton project={p} />}
          <Link to={withYear('/projects', year)}>{t('detail.back')}</Link>
        </>
      }
    >
      {p && <Detail p={p} />}
    </Page>
  );
}

function useRun() {
  const client = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation('projects');
  return async (f: () => Promise<unknown>, ok: string) => {
    try {
      await f();
      message.success(ok);
      await client.invalidateQueries({ queryKey: projectsKey });
      return true;
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('errors.failed'));
      return false;
    }
  };
}

function Detail({ p }: { p: ProjectDetail }) {
  const { t } = useTranslation('projects');
  const gantt = {
    ...p,
    baseline: p.baseline?.milestones ?? {},
    current: p.current?.milestones ?? {},
    reached: Object.fromEntries(p.milestones.filter((m) => m.reachedOn).map((m) => [m.id, m.reachedOn!])),
    steps: [],
    changes: p.versions.length - 1,
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('fields.kind')}>{t(`kinds.${p.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.stage')}>{t(`stages.${p.stage}`)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.card')}>
          <CardTag card={p.card} /> {p.cardPeriod}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.total')}>{p.totalInvestment}</Descriptions.Item>
        <Descriptions.Item label={t('fields.yearPlan')}>{p.yearPlan}</Descriptions.Item>
        <Descriptions.Item label={t('fields.completed')}>
          {p.completed}
          {p.completedPercent !== null && ` (${p.completedPercent}%)`}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.leader')}>{p.leader?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.deputyLeader')}>{p.deputyLeader?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.coUnits')}>
          {p.coUnits.map((u) => u.name).join('、') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.owner')}>{p.owner || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.manager')}>{p.manager || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.location')}>{p.location || '—'}</Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('detail.milestones')} extra={p.actions.report ? <StepsButton p={p} /> : null}>
        <GanttChart rows={[gantt]} year={p.year} today={new Date().toISOString().slice(0, 10)} />
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p.milestones.filter((m) => m.baseline || m.planned || m.reachedOn)}
          columns={[
            { title: t('detail.milestones'), key: 'm', render: (_, m) => t(`milestones.${m.id}`) },
            { title: t('detail.baseline'), key: 'b', render: (_, m) => m.baseline ?? '—' },
            {
              title: t('detail.planned'),
              key: 'p',
              render: (_, m) => (
                <span>
                  {m.planned ?? '—'}{' '}
                  {m.planned !== m.baseline && m.planned && <Tag color="blue">{t('gantt.changed')}</Tag>}
                </span>
              ),
            },
            { title: t('detail.reached'), key: 'r', render: (_, m) => m.reachedOn ?? '—' },
            {
              title: t('detail.steps'),
              key: 's',
              render: (_, m) => m.steps.map((s) => `${s.title}（${s.deadline}）`).join(' → ') || '—',
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('detail.months')}>
        <Table
          rowKey="period"
          size="small"
          pagination={false}
          scroll={{ x: 800 }}
          dataSource={p.months.filter((m) => m.card !== null || m.investment !== null)}
          columns={[
            { title: t('detail.month'), dataIndex: 'period', width: 90 },
            { title: t('detail.investment'), key: 'i', align: 'right', render: (_, m) => m.investment ?? '—' },
            { title: t('detail.cumulative'), key: 'c', align: 'right', render: (_, m) => m.completedToDate ?? '—' },
            { title: t('detail.plan'), key: 'pl', align: 'right', render: (_, m) => m.planToDate ?? '—' },
            {
              title: t('fields.card'),
              key: 'card',
              render: (_, m) => (
                <span data-testid={`month-${m.period}`}>
                  <CardTag card={m.card} />
                  {!m.settled && m.card && <Typography.Text type="secondary">{t('detail.live')}</Typography.Text>}
                </span>
              ),
            },
            { title: t('detail.reasons'), key: 'why', render: (_, m) => m.reasons.join('；') || '—' },
            { title: t('detail.problem'), dataIndex: 'problem' },
          ]}
        />
      </Card>
      <Interviews p={p} />
      <Changes p={p} />
    </Space>
  );
}

function Interviews({ p }: { p: ProjectDetail }) {
  const { t } = useTranslation('projects');
  const run = useRun();
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Card size="small" title={t('detail.interviews')}>
      {p.interviews.length === 0 ? (
        <Empty description={t('detail.noInterviews')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {p.interviews.map((i) => (
            <Card
              key={i.id}
              size="small"
              type="inner"
              title={`${i.period} · ${t(`rungs.${i.rung}`)}`}
              data-testid={`interview-${i.period}`}
            >
              <Space direction="vertical" style={{ width: '100%' }}>
                <span>
                  {t('detail.interviewer')}：{i.interviewer ?? '—'} ·{' '}
                  <Link to={`/ledger/items/${i.ledgerItemId}`}>{t('detail.openItem')}</Link>
                </span>
                {i.heldOn ? (
                  <Typography.Paragraph style={{ margin: 0 }}>
                    {t('detail.heldOn')} {i.heldOn}：{i.record}
                  </Typography.Paragraph>
                ) : (
                  <Tag color="orange">{t('detail.pending')}</Tag>
                )}
                {i.canRecord && (
                  <Flex gap={8} wrap>
                    <Input.TextArea
                      aria-label={t('detail.record')}
                      placeholder={t('detail.recordHint')}
                      rows={2}
                      style={{ maxWidth: 560 }}
                      value={drafts[i.id] ?? ''}
                      onChange={(e) => setDrafts({ ...drafts, [i.id]: e.target.value })}
                    />
                    <Button
                      type="primary"
                      onClick={() =>
                        void run(() => recordInterview(i.id, today, drafts[i.id] ?? ''), t('detail.recorded'))
                      }
                    >
                      {t('detail.recordInterview')}
                    </Button>
                  </Flex>
                )}
              </Space>
            </Card>
          ))}
        </Space>
      )}
    </Card>
  );
}

function Changes({ p }: { p: ProjectDetail }) {
  const { t, i18n } = useTranslation('projects');
  const run = useRun();
  const [reason, setReason] = useState('');
  const [plan, setPlan] = useState<number | null>(p.current ? Number(p.current.yearPlan) : null);
  const [decision, setDecision] = useState('');
  const ask = () => {
    if (!p.current || plan === null) return Promise.resolve(false);
    const { version: _v, ...current } = p.current;
    return run(
      () =>
        requestChange(p.id, {
          year: p.year,
          plan: {
            ...current,
            yearPlan: String(plan),
            monthly: plan === Number(p.current?.yearPlan) ? current.monthly : null,
          },
          reason,
        }),
      t('detail.sent'),
    );
  };
  return (
    <Card size="small" title={t('detail.changes')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {p.versions.map((v) => (
          <div key={v.version}>
            <Typography.Text strong>
              {t('detail.versionLine', { version: v.version, reason: v.reason })}
            </Typography.Text>
            {v.diff.map((d) => (
              <div key={d.field}>
                {d.label}：{d.before} → {d.after}
              </div>
            ))}
          </div>
        ))}
        {p.changes.map((c) => (
          <Card key={c.id} size="small" type="inner" title={`${t(`changeStates.${c.state}`)} · ${c.reason}`}>
            <div>
              {t('detail.requestedBy', {
                name: c.requestedBy,
                at: new Date(c.requestedAt).toLocaleDateString(i18n.language),
              })}
            </div>
            {c.diff.map((d) => (
              <div key={d.field}>
                {d.label}：{d.before} → {d.after}
              </div>
            ))}
            {c.decision && (
              <div>
                {t('detail.decision')}：{c.decision}
              </div>
            )}
            {c.actions.length > 0 && (
              <Flex gap={8} wrap style={{ marginTop: 8 }}>
                <Input
                  placeholder={t('detail.decision')}
                  style={{ maxWidth: 320 }}
                  value={decision}
                  onChange={(e) => setDecision(e.target.value)}
                />
                {c.actions.map((a) => (
                  <Button
                    key={a}
                    type={a === 'approve' ? 'primary' : 'default'}
                    onClick={() => void run(() => decideChange(c.id, a, decision), t('detail.decided'))}
                  >
                    {t(`detail.${a}`)}
                  </Button>
                ))}
              </Flex>
            )}
          </Card>
        ))}
        {p.actions.requestChange && p.current && (
          <Flex gap={8} wrap align="center">
            <span>{t('detail.newYearPlan')}</span>
            <InputNumber min={0} value={plan} onChange={(v) => setPlan(v)} />
            <Input
              placeholder={t('detail.reason')}
              style={{ maxWidth: 320 }}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <Button onClick={() => void ask()}>{t('detail.requestChange')}</Button>
          </Flex>
        )}
      </Space>
    </Card>
  );
}
