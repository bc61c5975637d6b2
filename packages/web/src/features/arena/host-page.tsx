import { useState } from 'react';
import { useParams, Link } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Col, Descriptions, Flex, Input, Modal, Popconfirm, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { QRCodeSVG } from 'qrcode.react';
import { api } from '../../lib/api';
import { Page } from '../../components/page';
import { clock, useCountdown, useLiveArena } from './live';
import { fmt, PHASE_COLOR, PHASE_LABEL, STATUS_COLOR, STATUS_LABEL, type ArenaDetail, type LiveSnapshot } from './types';

type Action = { type: 'start' | 'call' | 'timerStart' | 'timerStop' | 'timerReset' | 'open' | 'close' | 'reveal' | 'finish' } | { type: 'reopen'; contestantId: number; reason: string };
interface Code {
  judgeId: number;
  name: string;
  groupId: string;
  code: string;
}

/** 主持台: draw, judge codes, and the run of the show; every button is one audited host action. */
export function HostPage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: ['arena', id], queryFn: () => api.get<ArenaDetail>(`/arenas/${id}`), refetchInterval: 10_000 });
  const { live, connected, clockOffset } = useLiveArena(`/api/arenas/${id}/events`);
  const [codes, setCodes] = useState<Code[] | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (action: Action) => {
    setBusy(true);
    try {
      await api.post(`/arenas/${id}/host`, action);
      if (action.type === 'finish' || action.type === 'start') void client.invalidateQueries({ queryKey: ['arena', id] });
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const draw = async (seed: string) => {
    try {
      await api.post(`/arenas/${id}/draw`, seed.trim() ? { seed: seed.trim() } : {});
      message.success('抽签完成');
      void client.invalidateQueries({ queryKey: ['arena', id] });
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const issue = async (judgeId?: number) => {
    try {
      const r = await api.post<{ codes: Code[] }>(`/arenas/${id}/codes`, judgeId ? { judgeId } : {});
      setCodes(r.codes);
      void client.invalidateQueries({ queryKey: ['arena', id] });
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const d = detail.data;
  if (!d || !live) return <Card loading />;
  const screenUrl = d.screenToken ? `${window.location.origin}/screen/${d.screenToken}` : null;
  return (
    <Page
      title={d.title}
      subtitle={
        <Space>
          <Tag color={STATUS_COLOR[live.status]}>{STATUS_LABEL[live.status]}</Tag>
          {d.heldOn} · 抽签种子 {live.seed ?? '未抽签'} · <Badge status={connected ? 'success' : 'warning'} text={connected ? '实时连接' : '重新连接中'} />
        </Space>
      }
      extra={
        <>
          {screenUrl && (
            <Button href={screenUrl} target="_blank" data-testid="open-screen">
              打开大屏
            </Button>
          )}
          <Button onClick={() => void issue()} disabled={live.status === 'finished'} data-testid="issue-codes">
            发放评委码
          </Button>
          <Link to={`/arenas/${id}/result`}>
            <Button>成绩</Button>
          </Link>
        </>
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Controls live={live} busy={busy} act={act} draw={draw} clockOffset={clockOffset} />
          <Order live={live} act={act} />
        </Col>
        <Col xs={24} lg={10}>
          <Judges detail={d} live={live} onReset={(jid) => void issue(jid)} />
        </Col>
      </Row>
      <Modal open={codes !== null} onCancel={() => setCodes(null)} footer={null} width={880} title="评委码（只显示这一次，请打印或逐一发给评委）">
        {codes?.length === 0 && <Alert type="info" message="所有评委的手机均已绑定；如需更换手机，请在评委列表中点“重置”。" />}
        <Flex wrap gap={16} data-testid="codes">
          {codes?.map((c) => (
            <Card key={c.judgeId} size="small" style={{ width: 200, textAlign: 'center' }}>
              <QRCodeSVG value={`${window.location.origin}/judge?code=${c.code}`} size={140} />
              <div>
                {c.name}（{c.groupId}）
              </div>
              <Typography.Text code copyable data-testid={`code-${c.judgeId}`}>
                {c.code}
              </Typography.Text>
            </Card>
          ))}
        </Flex>
      </Modal>
    </Page>
  );
}

function Controls({ live, busy, act, draw, clockOffset }: { live: LiveSnapshot; busy: boolean; act: (a: Action) => Promise<void>; draw: (seed: string) => Promise<void>; clockOffset: number }) {
  const [seed, setSeed] = useState('');
  const remaining = useCountdown(live, clockOffset);
  const cur = live.current;
  const phase = cur?.phase ?? null;
  const button = (label: string, type: Exclude<Action['type'], 'reopen'>, enabled: boolean, primary = false) => (
    <Button type={primary ? 'primary' : 'default'} size="large" disabled={!enabled || busy} onClick={() => void act({ type } as Action)} data-testid={`host-${type}`}>
      {label}
    </Button>
  );
  if (live.status === 'draft') {
    return (
      <Card title="开赛准备" style={{ marginBottom: 16 }}>
        {live.seed === null ? (
          <Space.Compact style={{ width: '100%' }}>
            <Input placeholder="抽签种子（留空则随机生成，结果公布时一并公开）" value={seed} onChange={(e) => setSeed(e.target.value)} data-testid="draw-seed" />
            <Button type="primary" onClick={() => void draw(seed)} data-testid="draw">
              抽签
            </Button>
          </Space.Compact>
        ) : (
          <Flex gap={12} align="center">
            <Typography.Text>已抽签（种子 {live.seed}），出场顺序见下表。</Typography.Text>
            {button('开始擂台赛', 'start', true, true)}
          </Flex>
        )}
      </Card>
    );
  }
  return (
    <Card title="主持控制" style={{ marginBottom: 16 }}>
      <Descriptions column={2} size="small">
        <Descriptions.Item label="当前选手">
          <span data-testid="host-current">{cur ? `第${cur.position}位 ${cur.unitName}` : '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label="环节">{phase ? <Tag color={PHASE_COLOR[phase]}>{PHASE_LABEL[phase]}</Tag> : '—'}</Descriptions.Item>
      </Descriptions>
      <Flex gap={32} style={{ margin: '12px 0' }}>
        <Statistic title="陈述计时" value={remaining === null ? '—' : clock(remaining)} valueStyle={{ color: remaining !== null && remaining < 0 ? '#cf1322' : undefined, fontVariantNumeric: 'tabular-nums' }} />
        <Statistic title="已提交评分" value={cur ? `${cur.submitted} / ${cur.eligible}` : '—'} data-testid="host-submitted" />
      </Flex>
      <Flex wrap gap={8}>
        {button('叫下一位', 'call', live.status === 'live' && (phase === null || phase === 'closed' || phase === 'revealed'), true)}
        {button('开始计时', 'timerStart', phase === 'presenting' && live.timer.startedAt === null)}
        {button('暂停计时', 'timerStop', live.timer.startedAt !== null)}
        {button('开放评分', 'open', phase === 'presenting', true)}
        {button('截止评分', 'close', phase === 'scoring')}
        {button('亮分', 'reveal', phase === 'closed', true)}
        <Popconfirm title="结束擂台赛？结束后不能再评分。" onConfirm={() => void act({ type: 'finish' })}>
          <Button size="large" danger disabled={live.status !== 'live' || busy} data-testid="host-finish">
            结束擂台赛
          </Button>
        </Popconfirm>
      </Flex>
    </Card>
  );
}

function Order({ live, act }: { live: LiveSnapshot; act: (a: Action) => Promise<void> }) {
  const { modal } = App.useApp();
  const reopen = (contestantId: number, name: string) => {
    let reason = '';
    modal.confirm({
      title: `重新开放“${name}”的评分`,
      content: <Input.TextArea rows={2} placeholder="理由（必填，记入审计日志）" onChange={(e) => (reason = e.target.value)} data-testid="reopen-reason" />,
      onOk: () => act({ type: 'reopen', contestantId, reason }),
    });
  };
  return (
    <Card title="出场顺序" size="small">
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={live.contestants}
        columns={[
          { title: '顺序', dataIndex: 'position', width: 60, render: (p: number | null) => p ?? '—' },
          { title: '单位', dataIndex: 'unitName' },
          { title: '陈述人', dataIndex: 'presenter' },
          { title: '环节', dataIndex: 'phase', width: 100, render: (p: LiveSnapshot['contestants'][number]['phase']) => <Tag color={PHASE_COLOR[p]}>{PHASE_LABEL[p]}</Tag> },
          { title: '得分', dataIndex: 'score', width: 80, render: (s: string | null) => fmt(s) },
          {
            title: '',
            width: 90,
            render: (_: unknown, c: LiveSnapshot['contestants'][number]) =>
              live.status === 'live' && (c.phase === 'closed' || c.phase === 'revealed') ? (
                <Button size="small" type="link" onClick={() => reopen(c.id, c.unitName)}>
                  重新开放
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}

function Judges({ detail, live, onReset }: { detail: ArenaDetail; live: LiveSnapshot; onReset: (judgeId: number) => void }) {
  const submitted = new Set(live.current?.submittedJudgeIds ?? []);
  const recused = new Set(detail.recusals.filter((r) => r.contestantId === live.current?.contestantId).map((r) => r.judgeId));
  return (
    <Card title={`评委（${detail.judges.length}）`} size="small">
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail.judges}
        columns={[
          { title: '评委', dataIndex: 'name' },
          { title: '组', dataIndex: 'groupId' },
          { title: '手机', dataIndex: 'device', render: (v: ArenaDetail['judges'][number]['device']) => <Badge status={v === 'active' ? 'success' : v === 'idle' ? 'warning' : 'default'} text={v === 'active' ? '在线' : v === 'idle' ? '离线' : '未加入'} /> },
          {
            title: '当前选手',
            render: (_: unknown, j: ArenaDetail['judges'][number]) => (recused.has(j.id) ? <Tag>回避</Tag> : submitted.has(j.id) ? <Tag color="green">已提交</Tag> : live.current ? <Tag>未提交</Tag> : null),
          },
          {
            title: '',
            render: (_: unknown, j: ArenaDetail['judges'][number]) => (
              <Popconfirm title="重置后旧手机失效，并生成新评委码" onConfirm={() => onReset(j.id)}>
                <Button size="small" type="link" disabled={live.status === 'finished'}>
                  重置
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {detail.recusals.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          回避：{detail.recusals.map((r) => `${detail.judges.find((j) => j.id === r.judgeId)?.name ?? ''} → ${detail.contestants.find((c) => c.id === r.contestantId)?.unitName ?? ''}`).join('；')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
