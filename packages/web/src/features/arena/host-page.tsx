import { useState } from 'react';
import { useParams, Link } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Col,
  Descriptions,
  Divider,
  Flex,
  Input,
  Modal,
  Popconfirm,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { arenaKey, arenaQuery, eventsUrl } from './api/get-arena';
import { hostAction, type HostAction as Action } from './api/host-action';
import { draw as drawOrder } from './api/draw';
import { issueCodes, type JudgeCode as Code } from './api/issue-codes';
import { downloadCodeCards } from './api/code-cards';
import { Page } from '../../components/page';
import { clock, useCountdown, useLiveArena } from './live';
import { fmt, PHASE_COLOR, STATUS_COLOR, type ArenaDetail, type LiveSnapshot } from './types';

/** 主持台: draw, judge codes, and the run of the show; every button is one audited host action. */
export function HostPage() {
  const { t } = useTranslation('arena');
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const client = useQueryClient();
  const detail = useQuery(arenaQuery(id));
  const { live, connected, clockOffset } = useLiveArena(eventsUrl(id));
  const [codes, setCodes] = useState<Code[] | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (action: Action) => {
    setBusy(true);
    try {
      await hostAction(id, action);
      if (action.type === 'finish' || action.type === 'start')
        void client.invalidateQueries({ queryKey: arenaKey(id) });
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const draw = async (seed: string) => {
    try {
      await drawOrder(id, seed);
      message.success(t('host.drawn'));
      void client.invalidateQueries({ queryKey: arenaKey(id) });
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const issue = async (judgeId?: number) => {
    try {
      const r = await issueCodes(id, judgeId);
      setCodes(r.codes);
      void client.invalidateQueries({ queryKey: arenaKey(id) });
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
          <Tag color={STATUS_COLOR[live.status]}>{t(`status.${live.status}`)}</Tag>
          {/* Space spaces its children: the pieces stay as they were so the line looks as before. */}
          {d.heldOn}
          {` · ${t('host.seedLabel')} `}
          {live.seed ?? t('notDrawn')}
          {' · '}
          <Badge
            status={connected ? 'success' : 'warning'}
            text={connected ? t('host.connected') : t('host.reconnecting')}
          />
        </Space>
      }
      extra={
        <>
          {screenUrl && (
            <Button href={screenUrl} target="_blank" data-testid="open-screen">
              {t('host.openScreen')}
            </Button>
          )}
          <Button onClick={() => void issue()} disabled={!live.host.codes} data-testid="issue-codes">
            {t('host.issueCodes')}
          </Button>
          <Button
            onClick={() =>
              void downloadCodeCards(id)
                .then(() => client.invalidateQueries({ queryKey: arenaKey(id) }))
                .catch((e: unknown) => message.error(e instanceof Error ? e.message : String(e)))
            }
            disabled={!live.host.codes}
            data-testid="print-codes"
          >
            {t('host.codeCards')}
          </Button>
          <Link to={`/arenas/${id}/result`}>
            <Button>{t('host.result')}</Button>
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
          <Judges detail={d} live={live} onReset={(jid) => void issue(jid)} act={act} />
        </Col>
      </Row>
      <Modal
        open={codes !== null}
        onCancel={() => setCodes(null)}
        footer={null}
        width={880}
        title={t('host.codesTitle')}
      >
        {codes?.length === 0 && <Alert type="info" message={t('host.allBound')} />}
        <Flex wrap gap={16} data-testid="codes">
          {codes?.map((c) => (
            <Card key={c.judgeId} size="small" style={{ width: 200, textAlign: 'center' }}>
              <QRCodeSVG value={`${window.location.origin}/judge?code=${c.code}`} size={140} />
              <div>{t('judgeWithGroup', { name: c.name, group: c.groupId })}</div>
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

function Controls({
  live,
  busy,
  act,
  draw,
  clockOffset,
}: {
  live: LiveSnapshot;
  busy: boolean;
  act: (a: Action) => Promise<void>;
  draw: (seed: string) => Promise<void>;
  clockOffset: number;
}) {
  const { t } = useTranslation('arena');
  const [seed, setSeed] = useState('');
  const remaining = useCountdown(live, clockOffset);
  const cur = live.current;
  const phase = cur?.phase ?? null;
  // Which buttons are live is the server's answer (core's allowedHostActions), not recomputed here.
  const allowed = new Set(live.host.actions);
  const button = (label: string, type: Exclude<Action['type'], 'reopen'>, enabled: boolean, primary = false) => (
    <Button
      type={primary ? 'primary' : 'default'}
      size="large"
      disabled={!enabled || busy}
      onClick={() => void act({ type } as Action)}
      data-testid={`host-${type}`}
    >
      {label}
    </Button>
  );
  if (live.status === 'draft') {
    return (
      <Card title={t('host.prepare')} style={{ marginBottom: 16 }}>
        {live.seed === null ? (
          <Space.Compact style={{ width: '100%' }}>
            <Input
              placeholder={t('host.seedPlaceholder')}
              value={seed}
              onChange={(e) => setSeed(e.target.value)}
              data-testid="draw-seed"
            />
            <Button type="primary" onClick={() => void draw(seed)} data-testid="draw">
              {t('host.draw')}
            </Button>
          </Space.Compact>
        ) : (
          <Flex gap={12} align="center">
            <Typography.Text>{t('host.drawnWithSeed', { seed: live.seed })}</Typography.Text>
            {button(t('host.start'), 'start', live.host.actions.includes('start'), true)}
          </Flex>
        )}
      </Card>
    );
  }
  return (
    <Card title={t('host.controls')} style={{ marginBottom: 16 }}>
      <Descriptions column={2} size="small">
        <Descriptions.Item label={t('host.current')}>
          <span data-testid="host-current">
            {cur ? t('host.currentValue', { position: cur.position, unit: cur.unitName }) : '—'}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('host.phase')}>
          {phase ? <Tag color={PHASE_COLOR[phase]}>{t(`phase.${phase}`)}</Tag> : '—'}
        </Descriptions.Item>
      </Descriptions>
      <Flex gap={32} style={{ margin: '12px 0' }}>
        <Statistic
          title={t('host.timer')}
          value={remaining === null ? '—' : clock(remaining)}
          valueStyle={{
            color: remaining !== null && remaining < 0 ? '#cf1322' : undefined,
            fontVariantNumeric: 'tabular-nums',
          }}
        />
        <Statistic
          title={t('host.submitted')}
          value={cur ? `${cur.submitted} / ${cur.eligible}` : '—'}
          data-testid="host-submitted"
        />
      </Flex>
      <Flex wrap gap={8}>
        {button(t('host.call'), 'call', allowed.has('call'), true)}
        {button(t('host.timerStart'), 'timerStart', allowed.has('timerStart'))}
        {button(t('host.timerStop'), 'timerStop', allowed.has('timerStop'))}
        {button(t('host.open'), 'open', allowed.has('open'), true)}
        {button(t('host.close'), 'close', allowed.has('close'))}
        {button(t('host.reveal'), 'reveal', allowed.has('reveal'), true)}
      </Flex>
      {/* Ending the whole arena is not a step of one contestant: it sits apart, below a rule, on the right. */}
      <Divider style={{ margin: '16px 0 12px' }} />
      <Flex justify="flex-end">
        <Popconfirm title={t('host.finishConfirm')} onConfirm={() => void act({ type: 'finish' })}>
          <Button danger disabled={!allowed.has('finish') || busy} data-testid="host-finish">
            {t('host.finish')}
          </Button>
        </Popconfirm>
      </Flex>
    </Card>
  );
}

function Order({ live, act }: { live: LiveSnapshot; act: (a: Action) => Promise<void> }) {
  const { t } = useTranslation('arena');
  const { modal } = App.useApp();
  const reopen = (contestantId: number, name: string) => {
    let reason = '';
    modal.confirm({
      title: t('host.reopenTitle', { unit: name }),
      content: (
        <Input.TextArea
          rows={2}
          placeholder={t('host.reopenReason')}
          onChange={(e) => (reason = e.target.value)}
          data-testid="reopen-reason"
        />
      ),
      onOk: () => act({ type: 'reopen', contestantId, reason }),
    });
  };
  return (
    <Card title={t('host.order')} size="small">
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={live.contestants}
        columns={[
          { title: t('host.position'), dataIndex: 'position', width: 60, render: (p: number | null) => p ?? '—' },
          { title: t('host.unit'), dataIndex: 'unitName' },
          { title: t('host.presenter'), dataIndex: 'presenter' },
          {
            title: t('host.phase'),
            dataIndex: 'phase',
            width: 100,
            render: (p: LiveSnapshot['contestants'][number]['phase']) => (
              <Tag color={PHASE_COLOR[p]}>{t(`phase.${p}`)}</Tag>
            ),
          },
          { title: t('host.score'), dataIndex: 'scoreShown', width: 80, render: (s: string | null) => fmt(s) },
          {
            title: '',
            width: 90,
            render: (_: unknown, c: LiveSnapshot['contestants'][number]) =>
              live.host.reopen.includes(c.id) ? (
                <Button size="small" type="link" onClick={() => reopen(c.id, c.unitName)}>
                  {t('host.reopen')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}

function Judges({
  detail,
  live,
  onReset,
  act,
}: {
  detail: ArenaDetail;
  live: LiveSnapshot;
  onReset: (judgeId: number) => void;
  act: (a: Action) => Promise<void>;
}) {
  const { t } = useTranslation(['arena', 'common']);
  const submitted = new Set(live.current?.submittedJudgeIds ?? []);
  const recused = new Set(
    detail.recusals.filter((r) => r.contestantId === live.current?.contestantId).map((r) => r.judgeId),
  );
  // Which 缺席 buttons are live, and whether a click marks or unmarks, is the server's answer (core's
  // allowedAbsenceActions): for the whole arena, and for the contestant on stage.
  const cur = live.current;
  const buttons = new Map(live.host.absence.map((a) => [a.judgeId, a]));
  const marked = (judgeId: number, contestantId: number | null) =>
    live.absent.some((a) => a.judgeId === judgeId && a.contestantId === contestantId);
  const press = (type: 'absent' | 'present', judgeId: number, contestantId: number | null) =>
    void act({ type, judgeId, ...(contestantId === null ? {} : { contestantId }) });
  return (
    <Card title={t('host.judges', { count: detail.judges.length })} size="small">
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail.judges}
        columns={[
          { title: t('host.judge'), dataIndex: 'name' },
          { title: t('host.group'), dataIndex: 'groupId' },
          {
            title: t('host.device'),
            dataIndex: 'device',
            render: (v: ArenaDetail['judges'][number]['device'], j: ArenaDetail['judges'][number]) =>
              j.userId !== null ? (
                <Tag color="blue">{t('host.accountJudge')}</Tag>
              ) : (
                <Badge
                  status={v === 'active' ? 'success' : v === 'idle' ? 'warning' : 'default'}
                  text={t(`host.devices.${v}`)}
                />
              ),
          },
          {
            title: t('host.onStage'),
            render: (_: unknown, j: ArenaDetail['judges'][number]) =>
              marked(j.id, null) || (cur !== null && marked(j.id, cur.contestantId)) ? (
                <Tag color="magenta">{t('judgeStatus.excused')}</Tag>
              ) : recused.has(j.id) ? (
                <Tag>{t('host.recused')}</Tag>
              ) : submitted.has(j.id) ? (
                <Tag color="green">{t('host.judgeSubmitted')}</Tag>
              ) : live.current ? (
                <Tag>{t('host.judgePending')}</Tag>
              ) : null,
          },
          {
            title: '',
            render: (_: unknown, j: ArenaDetail['judges'][number]) => {
              const onStage = buttons.get(j.id)?.onStage ?? null;
              const wholeArena = buttons.get(j.id)?.wholeArena ?? null;
              return (
                <Space size={0}>
                  {cur && onStage && (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => press(onStage, j.id, cur.contestantId)}
                      data-testid={`absent-${j.id}`}
                    >
                      {onStage === 'present' ? t('host.markPresent') : t('host.markAbsent')}
                    </Button>
                  )}
                  <Button
                    size="small"
                    type="link"
                    disabled={wholeArena === null}
                    onClick={() => wholeArena && press(wholeArena, j.id, null)}
                    data-testid={`absent-all-${j.id}`}
                  >
                    {(wholeArena ?? (marked(j.id, null) ? 'present' : 'absent')) === 'present'
                      ? t('host.markPresentAll')
                      : t('host.markAbsentAll')}
                  </Button>
                  {j.userId === null && (
                    <Popconfirm title={t('host.resetConfirm')} onConfirm={() => onReset(j.id)}>
                      <Button size="small" type="link" disabled={!live.host.codes}>
                        {t('host.reset')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      {detail.recusals.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('host.recusals', {
            list: detail.recusals
              .map(
                (r) =>
                  `${detail.judges.find((j) => j.id === r.judgeId)?.name ?? ''} → ${detail.contestants.find((c) => c.id === r.contestantId)?.unitName ?? ''}`,
              )
              .join(t('common:problemSeparator')),
          })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
