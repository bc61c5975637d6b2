import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, Input, Select, Table, Typography } from 'antd';
import type { Milestone } from '@leitai/core';
import type { ReportSectionProps } from '../../lib/report-sections';
import type { ReportSectionRow } from './types';

interface Draft {
  investment: string;
  problem: string;
  reached: Milestone[];
}

/** The last day of a month, or today when the month is still running: when a milestone reached in it is dated. */
function reachedOn(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const today = new Date().toISOString().slice(0, 10);
  return end < today ? end : today;
}

/** 重点项目 in the unit's monthly report: one row per project, filled once (最多报一次). */
export function ProjectReportSection({ data, period, disabled, onChange }: ReportSectionProps) {
  const { t } = useTranslation('projects');
  const rows = (data as { rows: ReportSectionRow[] }).rows;
  const [drafts, setDrafts] = useState<Record<number, Draft>>(() =>
    Object.fromEntries(
      rows.map((r) => [r.projectId, { investment: r.investment ?? '', problem: r.problem, reached: [] }]),
    ),
  );
  const update = (id: number, patch: Partial<Draft>) => {
    const next = { ...drafts, [id]: { ...drafts[id]!, ...patch } };
    setDrafts(next);
    const day = reachedOn(period);
    onChange({
      rows: rows
        .filter((r) => next[r.projectId]!.investment.trim() !== '')
        .map((r) => {
          const d = next[r.projectId]!;
          return {
            projectId: r.projectId,
            investment: d.investment.trim(),
            problem: d.problem,
            reached: Object.fromEntries(d.reached.map((m) => [m, day])),
          };
        }),
    });
  };
  return (
    <Card size="small" title={t('section.title')} data-testid="project-section">
      <Typography.Paragraph type="secondary">{t('section.hint')}</Typography.Paragraph>
      <Table<ReportSectionRow>
        rowKey="projectId"
        size="small"
        pagination={false}
        scroll={{ x: 900 }}
        dataSource={rows}
        columns={[
          { title: t('fields.name'), key: 'n', render: (_, r) => `${r.code} ${r.name}` },
          { title: t('fields.planToDate'), dataIndex: 'planToDate', align: 'right', width: 110 },
          { title: t('section.before'), dataIndex: 'completedBefore', align: 'right', width: 100 },
          {
            title: t('section.investment'),
            key: 'i',
            width: 140,
            render: (_, r) => (
              <Input
                aria-label={`${r.name}${t('section.investment')}`}
                disabled={disabled}
                inputMode="decimal"
                value={drafts[r.projectId]?.investment}
                onChange={(e) => update(r.projectId, { investment: e.target.value })}
              />
            ),
          },
          {
            title: t('section.reachedThisMonth'),
            key: 'm',
            width: 200,
            render: (_, r) => {
              const open = r.milestones.filter((m) => m.reachedOn === null);
              const done = r.milestones.filter((m) => m.reachedOn !== null);
              return (
                <>
                  {done.length > 0 && (
                    <Typography.Text type="secondary" style={{ display: 'block' }}>
                      {done.map((m) => `${t(`milestones.${m.id}`)} ${m.reachedOn}`).join('、')}
                    </Typography.Text>
                  )}
                  {open.length > 0 && (
                    <Select<Milestone[]>
                      mode="multiple"
                      disabled={disabled}
                      style={{ width: '100%' }}
                      aria-label={`${r.name}${t('section.reachedThisMonth')}`}
                      value={drafts[r.projectId]?.reached}
                      options={open.map((m) => ({ value: m.id, label: t(`milestones.${m.id}`) }))}
                      onChange={(reached) => update(r.projectId, { reached })}
                    />
                  )}
                </>
              );
            },
          },
          {
            title: t('section.problem'),
            key: 'p',
            render: (_, r) => (
              <Input
                aria-label={`${r.name}${t('section.problem')}`}
                disabled={disabled}
                maxLength={500}
                value={drafts[r.projectId]?.problem}
                onChange={(e) => update(r.projectId, { problem: e.target.value })}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
