import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Flex, List, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { getAccountJudgeState, judgingQuery, submitAccountScore, type JudgingArena } from './api/judging';
import { Stage } from './judge-page';
import { useLiveArena } from './live';
import type { JudgeState } from './api/judge';

const ACTION_COLOR: Record<JudgingArena['action'], string> = { score: 'green', wait: 'blue', done: 'default' };

/** The arenas the signed-in account judges, as the server orders them (today's first). */
function JudgingList({ items }: { items: JudgingArena[] }) {
  const { t } = useTranslation('arena');
  if (items.length === 0) return <Empty description={t('judging.empty')} />;
  return (
    <List
      dataSource={items}
      renderItem={(a) => (
        <List.Item
          data-testid={`judging-${a.arenaId}`}
          actions={[
            <Link key="open" to={`/judging/${a.arenaId}`}>
              <Button type={a.action === 'score' ? 'primary' : 'default'}>{t(`judging.action.${a.action}`)}</Button>
            </Link>,
          ]}
        >
          <List.Item.Meta
            title={
              <Flex gap={8} wrap align="center">
                <Link to={`/judging/${a.arenaId}`}>{a.title}</Link>
                {a.today && <Tag color="red">{t('judging.today')}</Tag>}
                <Tag color={ACTION_COLOR[a.action]}>{t(`status.${a.status}`)}</Tag>
              </Flex>
            }
            description={`${a.heldOn} · ${a.office.name} · ${t('judging.group', { group: a.groupId })}`}
          />
        </List.Item>
      )}
    />
  );
}

/** 我的评分: every arena the account judges. */
export function JudgingListPage() {
  const { t } = useTranslation('arena');
  const q = useQuery(judgingQuery());
  return (
    <>
      <Typography.Title level={3}>{t('judging.title')}</Typography.Title>
      {q.isLoading ? (
        <Spin />
      ) : q.error ? (
        <Alert type="error" message={q.error.message} />
      ) : (
        <JudgingList items={q.data ?? []} />
      )}
    </>
  );
}

/** An account judge's scoring page: the phone's page, authorised by the session instead of a code. */
export function AccountJudgePage() {
  const { t } = useTranslation('arena');
  const arenaId = Number(useParams().id);
  const [state, setState] = useState<JudgeState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setState(await getAccountJudgeState(arenaId));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [arenaId]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 30_000);
    return () => clearInterval(timer);
  }, [load]);
  const stream = state ? `/api/screen/${encodeURIComponent(state.screenToken)}/events` : null;
  const { live: pushed, connected } = useLiveArena(stream);
  const live = pushed && state && pushed.version >= state.live.version ? pushed : (state?.live ?? null);
  const back = <Link to="/judging">{t('judging.back')}</Link>;
  if (error && !state)
    return (
      <>
        <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />
        {back}
      </>
    );
  if (!state || !live) return <Spin />;
  return (
    <div style={{ maxWidth: 520, margin: '0 auto' }}>
      <Flex justify="space-between" align="center">
        {back}
        <Tag color={connected ? 'green' : 'orange'}>{connected ? t('judge.connected') : t('judge.reconnecting')}</Tag>
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
        {live.title}
      </Typography.Text>
      <Typography.Title level={4} style={{ marginTop: 4 }}>
        {t('judgeWithGroup', { name: state.judge.name, group: state.judge.groupId })}
      </Typography.Title>
      <Stage
        live={live}
        state={state}
        submit={(contestantId, criteria, reason) => submitAccountScore(arenaId, contestantId, criteria, reason)}
        onSubmitted={() => void load()}
      />
    </div>
  );
}
