import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Descriptions, Popconfirm, Skeleton, Space, Tabs, Tag } from 'antd';
import { DownloadOutlined, FileWordOutlined, FundProjectionScreenOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EvaluationAction } from '@leitai/core';
import { ApiError } from '../../lib/api';
import { Page } from '../../components/page';
import { downloadBulletin, downloadEvaluation, runAction, type VerifyResult } from './api/act';
import { evaluationsKey, useEvaluation } from './api/queries';
import { AdjustmentsPanel } from './adjustments-panel';
import { AppealsPanel } from './appeals-panel';
import { RankingPanel } from './ranking-panel';
import { ReviewPanel } from './review-panel';
import { SchemePanel } from './scheme-panel';
import { STATE_COLOURS } from './state-colours';
import { VersionsPanel } from './versions-panel';

const TABS = ['ranking', 'scheme', 'review', 'adjustments', 'appeals', 'versions'] as const;
type Tab = (typeof TABS)[number];
/** The actions that change the evaluation ask first; verifying changes nothing. */
const CONFIRM: Partial<Record<EvaluationAction, 'close' | 'publish' | 'finalise' | 'reopen'>> = {
  close: 'close',
  publish: 'publish',
  finalise: 'finalise',
  reopen: 'reopen',
};

/** One evaluation: its state and next steps (the server's), the ranking, the scheme, appeals and versions. */
export function EvaluationPage() {
  const { t } = useTranslation('evaluation');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const id = Number(useParams().id);
  const q = useEvaluation(id);
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'ranking';
  const [verified, setVerified] = useState<VerifyResult | null>(null);
  const d = q.data;
  if (!d) return q.error ? <Alert type="error" message={q.error.message} /> : <Skeleton active />;
  const e = d.evaluation;

  const act = async (action: Exclude<EvaluationAction, 'editScheme'>, label: string) => {
    try {
      const r = await runAction(id, action);
      if (action === 'verify') setVerified(r);
      else message.success(t('done', { action: label }));
      await queryClient.invalidateQueries({ queryKey: evaluationsKey });
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : t('failed'));
    }
  };
  const buttons = d.actions
    .filter((a): a is { action: Exclude<EvaluationAction, 'editScheme'>; label: string } => a.action !== 'editScheme')
    .map((a) => {
      const confirm = CONFIRM[a.action];
      const primary = a.action === 'close' || a.action === 'publish' || a.action === 'finalise';
      const button = (
        <Button
          key={a.action}
          type={primary ? 'primary' : 'default'}
          onClick={confirm ? undefined : () => void act(a.action, a.label)}
        >
          {a.label}
        </Button>
      );
      return confirm ? (
        <Popconfirm key={a.action} title={t(`confirm.${confirm}`)} onConfirm={() => void act(a.action, a.label)}>
          {button}
        </Popconfirm>
      ) : (
        button
      );
    });

  return (
    <Page
      title={
        <Space>
          {e.name}
          <Tag color={STATE_COLOURS[e.state]}>{e.stateLabel}</Tag>
        </Space>
      }
      subtitle={`${e.kindLabel} · ${t('periodRange', { from: e.periodFrom, to: e.periodTo })}`}
      extra={
        <>
          {buttons}
          {d.ranking && (
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void downloadEvaluation(id).catch((err: Error) => message.error(err.message))}
            >
              {t('export')}
            </Button>
          )}
          {d.ranking && (e.state === 'comment' || e.state === 'final') && (
            <Button icon={<FundProjectionScreenOutlined />} href={`/evaluations/${id}/screen`} target="_blank">
              {t('screenButton')}
            </Button>
          )}
          {d.ranking && (e.state === 'comment' || e.state === 'final') && (
            <Button
              icon={<FileWordOutlined />}
              onClick={() => void downloadBulletin(id).catch((err: Error) => message.error(err.message))}
            >
              {t('bulletin')}
            </Button>
          )}
        </>
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%', marginBottom: 12 }}>
        {e.state === 'comment' && e.commentUntil && (
          <Alert type="warning" showIcon message={t('commentUntil', { date: e.commentUntil })} />
        )}
        {d.finaliseBlocker && <Alert type="info" showIcon message={d.finaliseBlocker} />}
        {verified && (
          <Alert
            type={verified.identical ? 'success' : 'error'}
            showIcon
            closable
            onClose={() => setVerified(null)}
            message={verified.identical ? t('verified', { hash: verified.resultHash.slice(0, 16) }) : t('verifyFailed')}
            description={verified.inputsUnchanged === false ? t('inputsChanged') : undefined}
          />
        )}
        {d.snapshot && (
          <Descriptions size="small" column={1}>
            <Descriptions.Item>
              {t('snapshot', { version: d.snapshot.schemeVersion, hash: d.snapshot.inputHash.slice(0, 16) })}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        destroyOnHidden
        items={[
          { key: 'ranking', label: t('tabs.ranking'), children: <RankingPanel detail={d} /> },
          { key: 'scheme', label: t('tabs.scheme'), children: <SchemePanel key={e.schemeVersion} detail={d} /> },
          ...(d.scheme.components.some((c) => c.source.kind === 'review')
            ? [{ key: 'review', label: t('tabs.review'), children: <ReviewPanel detail={d} /> }]
            : []),
          {
            key: 'adjustments',
            label: `${t('tabs.adjustments')}${d.adjustments.length ? ` (${d.adjustments.length})` : ''}`,
            children: <AdjustmentsPanel detail={d} />,
          },
          {
            key: 'appeals',
            label: `${t('tabs.appeals')}${d.appeals.length ? ` (${d.appeals.length})` : ''}`,
            children: <AppealsPanel detail={d} />,
          },
          { key: 'versions', label: t('tabs.versions'), children: <VersionsPanel detail={d} /> },
        ]}
      />
    </Page>
  );
}
