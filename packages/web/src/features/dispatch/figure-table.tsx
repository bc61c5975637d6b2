import { Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { liveWarning, type PaceWarning } from '@leitai/core';
import { WarningTag } from '../../components/warning-tag';
import { useNarrow } from '../../components/use-narrow';
import type { ReportFormData } from './api/get-report';
import { show } from './tags';

type Row = ReportFormData['rows'][number];

/** The light each figure will get, by the board's rule (core's paceWarning), from what is typed now. */
export function liveWarnings(rows: readonly Row[], month: number, values: Record<string, string>) {
  return new Map(
    rows.map((r) => [
      r.indicatorId,
      liveWarning(
        {
          item: r.name,
          kind: r.kind,
          lowerIsBetter: r.lowerIsBetter,
          profile: r.profile,
          annualTarget: r.base,
          month,
          rule: r.rule,
        },
        r.derivedFrom ? (r.value ?? '') : (values[String(r.indicatorId)] ?? r.value ?? ''),
      ),
    ]),
  );
}

/**
 * The month's figures: one per indicator, typed where the viewer may fill, each with its 序时进度目标, the gap
 * and the light it will get, updated as it is typed (the office sees the same on review).
 */
export function FigureTable({
  rows,
  month,
  values,
  canFill,
  pointed,
  onChange,
}: {
  rows: Row[];
  month: number;
  values: Record<string, string>;
  canFill: boolean;
  /** The indicators the office's return points at: marked on their rows. */
  pointed: number[];
  onChange: (indicatorId: string, value: string) => void;
}) {
  const { t } = useTranslation('dispatch');
  const live = liveWarnings(rows, month, values);
  // Core's shown figures, signed: points behind pace (negative ahead), or the ratio to pace.
  const gapText = (w: PaceWarning) =>
    w.shown.gapPoints !== null
      ? w.shown.gapPoints.startsWith('-')
        ? t('report.gapAhead', { points: w.shown.gapPoints.slice(1) })
        : t('report.gapBehind', { points: w.shown.gapPoints })
      : w.shown.ratioPercent !== null
        ? t('report.ratioOfPace', { percent: w.shown.ratioPercent })
        : '—';
  // On a phone three columns stay (indicator, figure, light) and the light's cell carries the pace target and gap.
  const narrow = useNarrow();
  return (
    <Table<Row>
      scroll={narrow ? undefined : { x: 1000 }}
      size="small"
      rowKey="indicatorId"
      onRow={(r) => (pointed.includes(r.indicatorId) ? { style: { background: '#fff1f0' } } : {})}
      pagination={false}
      dataSource={rows}
      columns={(
        [
          {
            title: t('fields.indicator'),
            key: 'n',
            render: (_, r) => (
              <Space size={4} wrap>
                <span>{t('withMeasure', { name: r.name, measure: r.measure })}</span>
                {pointed.includes(r.indicatorId) && (
                  <Tag color="error" data-testid={`pointed-${r.indicatorId}`}>
                    {t('report.pointed')}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('fields.annualTarget'),
            key: 'b',
            render: (_, r) =>
              r.stretch ? t('report.targetStretch', { base: show(r.base), stretch: show(r.stretch) }) : show(r.base),
          },
          { title: t('report.previous'), key: 'p', render: (_, r) => show(r.previous) },
          {
            title: t('report.value'),
            key: 'v',
            width: narrow ? undefined : 260,
            render: (_, r) =>
              r.derivedFrom ? (
                <Space direction="vertical" size={0} data-testid={`derived-${r.indicatorId}`}>
                  <span>
                    {show(r.value)} {r.measure}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('report.derived')}
                  </Typography.Text>
                </Space>
              ) : canFill ? (
                <Space direction="vertical" size={0}>
                  <Input
                    aria-label={t('report.valueOf', { name: r.name })}
                    value={values[String(r.indicatorId)] ?? ''}
                    onChange={(e) => onChange(String(r.indicatorId), e.target.value)}
                    suffix={r.measure}
                  />
                  {r.prefilled && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('report.prefilled')}
                    </Typography.Text>
                  )}
                  {r.kind === 'growth' && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('report.growthHint')}
                    </Typography.Text>
                  )}
                </Space>
              ) : (
                <span>{show(r.value)}</span>
              ),
          },
          {
            title: t('report.paceTarget'),
            key: 'e',
            render: (_, r) => {
              const w = live.get(r.indicatorId);
              return w ? <span data-testid={`pace-${r.indicatorId}`}>{w.shown.expected}</span> : '—';
            },
          },
          {
            title: t('report.gap'),
            key: 'g',
            render: (_, r) => {
              const w = live.get(r.indicatorId);
              return <span data-testid={`gap-${r.indicatorId}`}>{w ? gapText(w) : '—'}</span>;
            },
          },
          {
            title: t('report.light'),
            key: 'l',
            render: (_, r) => {
              const w = live.get(r.indicatorId);
              return (
                <Space direction="vertical" size={0}>
                  <span data-testid={`light-${r.indicatorId}`}>{w ? <WarningTag state={w.state} /> : '—'}</span>
                  {narrow && w && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('report.paceShort', { expected: w.shown.expected, gap: gapText(w) })}
                    </Typography.Text>
                  )}
                </Space>
              );
            },
          },
          {
            title: t('report.flag'),
            key: 'f',
            render: (_, r) => (r.flag ? <Typography.Text type="warning">{r.flag}</Typography.Text> : null),
          },
        ] satisfies TableColumnsType<Row>
      ).filter((c) => !narrow || ['n', 'v', 'l'].includes(String(c.key)))}
    />
  );
}
