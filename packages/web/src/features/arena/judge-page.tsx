import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Flex, Input, InputNumber, Result, Slider, Spin, Tag, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { getJudgeState, joinArena, judgeToken, submitScore, type JudgeState } from './api/judge';
import { useDeviceLanguage } from './device-language';
import { useCriterionName } from './labels';
import { useLiveArena } from './live';
import { needsReason as needsReasonRule } from '@leitai/core';
import { PHASE_COLOR, type LiveSnapshot } from './types';

/** 评委手机页: join by code (or QR), then score the contestant on stage. Survives reloads and lost networks. */
export function JudgePage() {
  useDeviceLanguage();
  const { t } = useTranslation('arena');
  const [params, setParams] = useSearchParams();
  const [state, setState] = useState<JudgeState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);
  const [token, setToken] = useState(judgeToken.get());

  const load = useCallback(async () => {
    try {
      setState(await getJudgeState());
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        judgeToken.clear();
        setToken(null);
        setState(null);
        setError(e.message);
      }
    }
  }, []);

  const join = useCallback(
    async (code: string) => {
      setJoining(true);
      try {
        const r = await joinArena(code.trim().toUpperCase());
        judgeToken.set(r.token);
        setToken(r.token);
        setParams({}, { replace: true });
        setError(null);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        setJoining(false);
      }
    },
    [setParams],
  );

  const code = params.get('code');
  useEffect(() => {
    if (!token && code) void join(code);
  }, [token, code, join]);
  useEffect(() => {
    if (!token) return;
    void load();
    // Keeps this phone marked as in use, and catches up after a lost network.
    const t = setInterval(() => void load(), 30_000);
    return () => clearInterval(t);
  }, [token, load]);

  // The phone follows the arena on the big screen's read-only stream: the device token stays out of URLs.
  const stream = token && state ? `/api/screen/${encodeURIComponent(state.screenToken)}/events` : null;
  const { live: pushed, connected } = useLiveArena(stream);
  const live = pushed && state && pushed.version >= state.live.version ? pushed : (state?.live ?? null);

  if (!token || (!state && error))
    return <JoinForm onJoin={(c) => void join(c)} busy={joining} error={error} initial={code ?? ''} />;
  if (!state || !live) return <Spin fullscreen />;
  return (
    <div style={{ maxWidth: 520, margin: '0 auto', padding: 12 }}>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{live.title}</Typography.Text>
        <Tag color={connected ? 'green' : 'orange'}>{connected ? t('judge.connected') : t('judge.reconnecting')}</Tag>
      </Flex>
      <Typography.Title level={4} style={{ marginTop: 4 }}>
        {t('judgeWithGroup', { name: state.judge.name, group: state.judge.groupId })}
      </Typography.Title>
      <Stage live={live} state={state} submit={submitScore} onSubmitted={() => void load()} />
    </div>
  );
}

function JoinForm({
  onJoin,
  busy,
  error,
  initial,
}: {
  onJoin: (code: string) => void;
  busy: boolean;
  error: string | null;
  initial: string;
}) {
  const { t } = useTranslation('arena');
  const [code, setCode] = useState(initial);
  return (
    <div style={{ maxWidth: 420, margin: '0 auto', padding: 24 }}>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        {t('judge.joinTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        {t('judge.joinHint')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Input
        size="large"
        placeholder={t('judge.codePlaceholder')}
        value={code}
        maxLength={12}
        onChange={(e) => setCode(e.target.value.toUpperCase())}
        onPressEnter={() => onJoin(code)}
        data-testid="judge-code"
        style={{ letterSpacing: 4, textAlign: 'center', fontSize: 22 }}
      />
      <Button
        type="primary"
        size="large"
        block
        loading={busy}
        disabled={code.trim().length < 6}
        onClick={() => onJoin(code)}
        style={{ marginTop: 16 }}
        data-testid="judge-join"
      >
        {t('judge.join')}
      </Button>
    </div>
  );
}

/** Sends one score: by the phone's device token, or by the session for an account judge. */
export type SubmitScore = (
  contestantId: number,
  criteria: Record<string, number>,
  reason: string | null,
) => Promise<{ total: string }>;

/** The contestant on stage and the judge's form for it: the same for a phone and for an account judge. */
export function Stage({
  live,
  state,
  submit,
  onSubmitted,
}: {
  live: LiveSnapshot;
  state: JudgeState;
  submit: SubmitScore;
  onSubmitted: () => void;
}) {
  const { t } = useTranslation('arena');
  const cur = live.current;
  if (live.status === 'finished')
    return <Result status="success" title={t('judge.finished')} subTitle={t('judge.thanks')} />;
  if (live.status === 'draft' || !cur)
    return (
      <Result
        status="info"
        title={t('judge.wait')}
        subTitle={live.status === 'draft' ? t('judge.notStarted') : t('judge.waitingCall')}
      />
    );
  const recused = state.recusedFrom.includes(cur.contestantId);
  const mine = state.scores[String(cur.contestantId)];
  return (
    <Card>
      <Typography.Text type="secondary">{t('judge.position', { position: cur.position })}</Typography.Text>
      <Typography.Title level={3} style={{ margin: '4px 0' }} data-testid="judge-contestant">
        {cur.unitName}
      </Typography.Title>
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        {cur.presenter && <Typography.Text>{cur.presenter}</Typography.Text>}
        <Tag color={PHASE_COLOR[cur.phase]} data-testid="judge-phase">
          {t(`phase.${cur.phase}`)}
        </Tag>
      </Flex>
      {recused ? (
        <Alert type="warning" showIcon message={t('judge.recused')} data-testid="judge-recused" />
      ) : cur.phase === 'scoring' ? (
        <ScoreForm
          key={cur.contestantId}
          live={live}
          state={state}
          contestantId={cur.contestantId}
          submitScore={submit}
          onSubmitted={onSubmitted}
        />
      ) : mine ? (
        <Submitted total={mine.total} note={cur.phase === 'presenting' ? '' : t('judge.closed')} />
      ) : (
        <Alert type="info" message={cur.phase === 'presenting' ? t('judge.presenting') : t('judge.closed')} />
      )}
    </Card>
  );
}

function Submitted({ total, note }: { total: string; note: string }) {
  const { t } = useTranslation('arena');
  return (
    <Flex
      vertical
      align="center"
      gap={4}
      data-testid="judge-submitted"
      style={{ padding: 16, background: '#f6ffed', borderRadius: 8 }}
    >
      <CheckCircleFilled style={{ color: '#52c41a', fontSize: 36 }} />
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('judge.submitted', { total: Number(total) })}
      </Typography.Title>
      {note && <Typography.Text type="secondary">{note}</Typography.Text>}
    </Flex>
  );
}

function ScoreForm({
  live,
  state,
  contestantId,
  submitScore,
  onSubmitted,
}: {
  live: LiveSnapshot;
  state: JudgeState;
  contestantId: number;
  submitScore: SubmitScore;
  onSubmitted: () => void;
}) {
  const { t } = useTranslation('arena');
  const criterionName = useCriterionName();
  const { message } = App.useApp();
  const mine = state.scores[String(contestantId)];
  const [values, setValues] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(live.criteria.map((c) => [c.id, mine ? Number(mine.criteria[c.id]) : null])),
  );
  const [reason, setReason] = useState(mine?.reason ?? '');
  const [editing, setEditing] = useState(!mine);
  const [busy, setBusy] = useState(false);
  // Shown at once after a successful submit, before the refreshed state arrives.
  const [sent, setSent] = useState<string | null>(null);
  const total = useMemo(() => Object.values(values).reduce<number>((s, v) => s + (v ?? 0), 0), [values]);
  const complete = Object.values(values).every((v) => v !== null);
  // The bounds come from the server; the comparison is core's, the same the server applies on submit.
  const rule = state.reasonRule;
  const needsReason = complete && needsReasonRule(rule, total.toFixed(6));

  const shownTotal = mine?.total ?? sent;
  if (shownTotal !== null && !editing) {
    return (
      <>
        <Submitted total={shownTotal} note={t('judge.editable')} />
        <Button block style={{ marginTop: 12 }} onClick={() => setEditing(true)}>
          {t('judge.edit')}
        </Button>
      </>
    );
  }
  const submit = async () => {
    setBusy(true);
    try {
      const r = await submitScore(contestantId, values as Record<string, number>, needsReason ? reason : null);
      setSent(r.total);
      message.success(t('judge.sent'));
      setEditing(false);
      onSubmitted();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap={14}>
      {live.criteria.map((c) => {
        const max = Number(c.max);
        return (
          <div key={c.id}>
            <Flex justify="space-between" align="center">
              <Typography.Text strong style={{ fontSize: 16 }}>
                {criterionName(c.id)}
                <Typography.Text type="secondary">{t('judge.max', { max })}</Typography.Text>
              </Typography.Text>
              <InputNumber
                size="large"
                min={0}
                max={max}
                step={0.5}
                value={values[c.id]}
                onChange={(v) => setValues((s) => ({ ...s, [c.id]: v }))}
                data-testid={`criterion-${c.id}`}
                style={{ width: 110 }}
              />
            </Flex>
            <Slider
              min={0}
              max={max}
              step={0.5}
              value={values[c.id] ?? 0}
              onChange={(v) => setValues((s) => ({ ...s, [c.id]: v }))}
            />
          </div>
        );
      })}
      <Typography.Title level={3} style={{ textAlign: 'center', margin: 0 }} data-testid="judge-total">
        {t('judge.total', { total })}
      </Typography.Title>
      {needsReason && (
        <Input.TextArea
          rows={2}
          maxLength={200}
          placeholder={t('judge.reasonPlaceholder', { high: rule?.high ?? '', low: rule?.low ?? '' })}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="judge-reason"
        />
      )}
      <Button
        type="primary"
        size="large"
        block
        disabled={!complete || (needsReason && reason.trim() === '')}
        loading={busy}
        onClick={() => void submit()}
        data-testid="judge-submit"
      >
        {t('judge.submit')}
      </Button>
    </Flex>
  );
}
