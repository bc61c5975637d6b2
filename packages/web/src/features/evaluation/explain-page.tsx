import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  Alert,
  Card,
  Col,
  List,
  Row,
  Skeleton,
  Space,
  Statistic,
  Tag,
  Tree,
  Typography,
  type TreeDataNode,
} from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { NO_DATA_LABELS, type Explanation, type NoDataRule } from '@leitai/core';
import { EChart } from '../../components/echart';
import { Page } from '../../components/page';
import { useExplanation, useRankHistory } from './api/queries';
import type { EvaluationRecord, UnitExplanation } from './api/types';
import { RankChange } from './ranking-panel';

/** "Why 17th?": a unit's total, each component with its rule, and every record behind it, each a link. */
export function ExplainPage() {
  const { t } = useTranslation('evaluation');
  const params = useParams();
  const id = Number(params.id);
  const unitId = Number(params.unitId);
  const q = useExplanation(id, unitId);
  const history = useRankHistory(unitId);
  const d = q.data;
  if (!d) return q.error ? <Alert type="error" message={q.error.message} /> : <Skeleton active />;
  return (
    <Page
      title={t('explain.title', { unit: d.unit.name })}
      subtitle={d.unit.categoryName}
      extra={
        <Link to={`/evaluations/${id}`}>
          <ArrowLeftOutlined /> {t('explain.back')}
        </Link>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Row gutter={[24, 12]}>
            <Col xs={12} md={6}>
              <Statistic title={t('explain.total')} value={d.totalShown} />
              {d.total !== d.totalShown && (
                <Typography.Text type="secondary">{t('explain.exact', { value: d.total })}</Typography.Text>
              )}
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('columns.rank')} value={t('explain.rank', { rank: d.rank, of: d.of })} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('columns.grade')} value={d.grade} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('columns.change')}
                valueRender={() => <RankChange change={d.rankChange} />}
                value=" "
              />
            </Col>
          </Row>
        </Card>
        <Row gutter={[16, 16]}>
          {d.components.map((c) => (
            <Col key={c.componentId} xs={24} lg={12}>
              <Card
                size="small"
                title={`${c.name} · ${c.scoreShown} / ${Number(c.weight)}`}
                extra={<Tag>{c.methodLabel}</Tag>}
              >
                <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                  {c.sourceLabel} · {t('columns.value')} {c.value ?? '—'}
                  {c.valueExact ? `（${t('explain.exact', { value: c.valueExact })}）` : ''}
                  {c.noDataLabel ? `（${t('explain.noData', { rule: c.noDataLabel })}）` : ''}
                </Typography.Paragraph>
                <List
                  size="small"
                  dataSource={c.records}
                  locale={{ emptyText: t('explain.noRecords') }}
                  renderItem={(r) => (
                    <List.Item>
                      <RecordLine record={r} unitId={unitId} />
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          ))}
        </Row>
        {d.adjustments.length > 0 && (
          <Card size="small" title={t('explain.adjustments')}>
            <List
              size="small"
              dataSource={d.adjustments}
              renderItem={(a) => (
                <List.Item>
                  {a.label}：{a.amount}
                </List.Item>
              )}
            />
          </Card>
        )}
        {(history.data?.points.length ?? 0) > 0 && (
          <Card size="small" title={t('explain.history')}>
            <HistoryChart points={history.data!.points} />
          </Card>
        )}
        <Card size="small" title={t('explain.tree')}>
          <ExplanationTree tree={d.tree} detail={d} />
        </Card>
      </Space>
    </Page>
  );
}

function RecordLine({ record: r, unitId }: { record: EvaluationRecord; unitId: number }) {
  const { t } = useTranslation('evaluation');
  switch (r.type) {
    case 'report':
      return r.period ? (
        <Link to={`/dispatch/report/${unitId}/${r.period}`}>
          {t('explain.report', {
            period: r.period,
            name: r.name,
            actual: r.actual ?? '—',
            base: r.base,
            points: r.points ?? '0',
            weight: r.weight,
          })}
        </Link>
      ) : (
        <Typography.Text type="secondary">{t('explain.reportMissing', { name: r.name })}</Typography.Text>
      );
    case 'arena':
      return (
        <Link to={`/arenas/${r.arenaId}/result`}>
          {t('explain.arena', { date: r.heldOn, title: r.title, score: r.scoreShown, rank: r.rank })}
        </Link>
      );
    case 'ledger':
      return (
        <Link to={`/ledger/items/${r.itemId}`}>
          {t('explain.ledger', { title: r.title, deadline: r.deadline, outcome: t(`explain.outcomes.${r.outcome}`) })}
        </Link>
      );
    case 'ratings':
      return (
        <Link to="/ratings">{t('explain.ratings', { from: r.from, to: r.to, value: r.satisfaction ?? '—' })}</Link>
      );
    case 'appeal':
      return <span>{t('explain.appeal', { value: r.correction, reason: r.reason })}</span>;
    case 'review':
      return (
        <span>
          {r.groups
            .map((g) =>
              g.mean === null
                ? t('explain.reviewShort', { name: g.name, n: g.respondents, min: r.minRespondents })
                : t('explain.review', { name: g.name, n: g.respondents, mean: g.mean }),
            )
            .join('；')}
        </span>
      );
    case 'waiver':
      return <span>{t('explain.waiver', { value: r.waived, reason: r.reason })}</span>;
  }
}

function HistoryChart({ points }: { points: { name: string; rank: number; of: number }[] }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 40 },
      xAxis: { type: 'category', data: points.map((p) => p.name) },
      // Rank 1 on top, down to the largest category size.
      yAxis: { type: 'value', inverse: true, min: 1, max: Math.max(2, ...points.map((p) => p.of)), minInterval: 1 },
      series: [{ type: 'line', data: points.map((p) => p.rank), label: { show: true } }],
    }),
    [points],
  );
  return <EChart option={option} height={220} />;
}

function ExplanationTree({ tree, detail }: { tree: Explanation; detail: UnitExplanation }) {
  const { t } = useTranslation('evaluation');
  const name = (id: unknown) => detail.components.find((c) => c.componentId === id)?.name ?? String(id);
  const title = (n: Explanation): string => {
    const p = n.params ?? {};
    const exact = typeof p.exact === 'string' ? `（${t('explain.exact', { value: p.exact })}）` : '';
    const value = n.value === undefined ? '' : `＝ ${n.value}`;
    const head =
      n.kind === 'composite.total'
        ? t('explain.nodes.total')
        : n.kind === 'composite.component.noData'
          ? t('explain.nodes.noData', {
              name: name(p.componentId),
              rule: NO_DATA_LABELS[(p.noData as NoDataRule | undefined) ?? 'zero'],
            })
          : n.kind.startsWith('composite.component.')
            ? t('explain.nodes.component', {
                name: name(p.componentId),
                value: String(p.value ?? '—'),
                weight: String(p.weight ?? ''),
              })
            : n.kind === 'composite.adjustment'
              ? t('explain.nodes.adjustment', {
                  bonusCap: String(p.bonusCap ?? ''),
                  penaltyCap: String(p.penaltyCap ?? ''),
                })
              : n.kind === 'composite.adjustment.item'
                ? t('explain.nodes.item')
                : t('explain.nodes.other');
    return `${head} ${value}${exact}`;
  };
  const toNode = (n: Explanation, key: string): TreeDataNode => ({
    key,
    title: title(n),
    children: (n.children ?? []).map((c, i) => toNode(c, `${key}-${i}`)),
  });
  return <Tree defaultExpandAll selectable={false} treeData={[toNode(tree, 'root')]} />;
}
