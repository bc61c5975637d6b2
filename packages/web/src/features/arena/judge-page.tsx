import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Flex, Input, InputNumber, Result, Slider, Spin, Tag, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { ApiError } from '../../lib/api';
import { judgeApi, judgeToken, type JudgeState } from './judge-api';
import { useLiveArena } from './live';
import { PHASE_COLOR, PHASE_LABEL, type LiveSnapshot } from './types';

/** 评委手机页: join by code (or QR), then score the contestant on stage. Survives reloads and lost networks. */
export function JudgePage() {
  const [params, setParams] = useSearchParams();
  const [state, setState] = useState<JudgeState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);
  const [token, setToken] = useState(judgeToken.get());

  const load = useCallback(async () => {
    try {
      setState(await judgeApi.state());
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
        const r = await judgeApi.join(code.trim().toUpperCase());
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

  if (!token || (!state && error)) return <JoinForm onJoin={(c) => void join(c)} busy={joining} error={error} initial={code ?? ''} />;
  if (!state || !live) return <Spin fullscreen />;
  return (
    <div style={{ maxWidth: 520, margin: '0 auto', padding: 12 }}>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{live.title}</Typography.Text>
        <Tag color={connected ? 'green' : 'orange'}>{connected ? '实时连接' : '重新连接中…'}</Tag>
      </Flex>
      <Typography.Title level={4} style={{ marginTop: 4 }}>
        {state.judge.name}（{state.judge.groupId}）
      </Typography.Title>
      <Stage live={live} state={state} onSubmitted={() => void load()} />
    </div>
  );
}

function JoinForm({ onJoin, busy, error, initial }: { onJoin: (code: string) => void; busy: boolean; error: string | null; initial: string }) {
  const [code, setCode] = useState(initial);
  return (
    <div style={{ maxWidth: 420, margin: '0 auto', padding: 24 }}>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        擂台赛评委入口
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        扫描主持人提供的二维码，或输入 8 位评委码。无需账号和密码。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Input size="large" placeholder="评委码，如 CYJUDGE2" value={code} maxLength={12} onChange={(e) => setCode(e.target.value.toUpperCase())} onPressEnter={() => onJoin(code)} data-testid="judge-code" style={{ letterSpacing: 4, textAlign: 'center', fontSize: 22 }} />
      <Button type="primary" size="large" block loading={busy} disabled={code.trim().length < 6} onClick={() => onJoin(code)} style={{ marginTop: 16 }} data-testid="judge-join">
        进入评分
      </Button>
    </div>
  );
}

function Stage({ live, state, onSubmitted }: { live: LiveSnapshot; state: JudgeState; onSubmitted: () => void }) {
  const cur = live.current;
  if (live.status === 'finished') return <Result status="success" title="本场擂台赛已结束" subTitle="感谢您的评分，成绩将由组织方公布。" />;
  if (live.status === 'draft' || !cur) return <Result status="info" title="请稍候" subTitle={live.status === 'draft' ? '擂台赛尚未开始' : '等待主持人叫号'} />;
  const recused = state.recusedFrom.includes(cur.contestantId);
  const mine = state.scores[String(cur.contestantId)];
  return (
    <Card>
      <Typography.Text type="secondary">第 {cur.position} 位出场</Typography.Text>
      <Typography.Title level={3} style={{ margin: '4px 0' }} data-testid="judge-contestant">
        {cur.unitName}
      </Typography.Title>
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        {cur.presenter && <Typography.Text>{cur.presenter}</Typography.Text>}
        <Tag color={PHASE_COLOR[cur.phase]} data-testid="judge-phase">
          {PHASE_LABEL[cur.phase]}
        </Tag>
      </Flex>
      {recused ? (
        <Alert type="warning" showIcon message="您需回避该选手，不参与评分" data-testid="judge-recused" />
      ) : cur.phase === 'scoring' ? (
        <ScoreForm key={cur.contestantId} live={live} state={state} contestantId={cur.contestantId} onSubmitted={onSubmitted} />
      ) : mine ? (
        <Submitted total={mine.total} note={cur.phase === 'presenting' ? '' : '评分已截止'} />
      ) : (
        <Alert type="info" message={cur.phase === 'presenting' ? '选手陈述中，主持人开放评分后即可打分' : '评分已截止'} />
      )}
    </Card>
  );
}

function Submitted({ total, note }: { total: string; note: string }) {
  return (
    <Flex vertical align="center" gap={4} data-testid="judge-submitted" style={{ padding: 16, background: '#f6ffed', borderRadius: 8 }}>
      <CheckCircleFilled style={{ color: '#52c41a', fontSize: 36 }} />
      <Typography.Title level={4} style={{ margin: 0 }}>
        已提交 · 总分 {Number(total)}
      </Typography.Title>
      {note && <Typography.Text type="secondary">{note}</Typography.Text>}
    </Flex>
  );
}

function ScoreForm({ live, state, contestantId, onSubmitted }: { live: LiveSnapshot; state: JudgeState; contestantId: number; onSubmitted: () => void }) {
  const { message } = App.useApp();
  const mine = state.scores[String(contestantId)];
  const [values, setValues] = useState<Record<string, number | null>>(() => Object.fromEntries(live.criteria.map((c) => [c.id, mine ? Number(mine.criteria[c.id]) : null])));
  const [reason, setReason] = useState(mine?.reason ?? '');
  const [editing, setEditing] = useState(!mine);
  const [busy, setBusy] = useState(false);
  // Shown at once after a successful submit, before the refreshed state arrives.
  const [sent, setSent] = useState<string | null>(null);
  const total = useMemo(() => Object.values(values).reduce<number>((s, v) => s + (v ?? 0), 0), [values]);
  const complete = Object.values(values).every((v) => v !== null);
  const rule = state.reasonRule;
  const needsReason = rule !== null && complete && (total >= Number(rule.high) || total < Number(rule.low));

  const shownTotal = mine?.total ?? sent;
  if (shownTotal !== null && !editing) {
    return (
      <>
        <Submitted total={shownTotal} note="评分截止前可以修改" />
        <Button block style={{ marginTop: 12 }} onClick={() => setEditing(true)}>
          修改评分
        </Button>
      </>
    );
  }
  const submit = async () => {
    setBusy(true);
    try {
      const r = await judgeApi.submit(contestantId, values as Record<string, number>, needsReason ? reason : null);
      setSent(r.total);
      message.success('评分已提交');
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
                {c.id}
                <Typography.Text type="secondary">（满分 {max}）</Typography.Text>
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
            <Slider min={0} max={max} step={0.5} value={values[c.id] ?? 0} onChange={(v) => setValues((s) => ({ ...s, [c.id]: v }))} />
          </div>
        );
      })}
      <Typography.Title level={3} style={{ textAlign: 'center', margin: 0 }} data-testid="judge-total">
        合计 {total}
      </Typography.Title>
      {needsReason && <Input.TextArea rows={2} maxLength={200} placeholder={`总分达到 ${rule?.high} 或低于 ${rule?.low}，请写一句理由`} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="judge-reason" />}
      <Button type="primary" size="large" block disabled={!complete || (needsReason && reason.trim() === '')} loading={busy} onClick={() => void submit()} data-testid="judge-submit">
        确认提交
      </Button>
    </Flex>
  );
}
