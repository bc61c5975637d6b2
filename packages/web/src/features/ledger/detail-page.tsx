import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { LedgerAction } from '@leitai/core';
import { ApiError } from '../../lib/api';
import { sharedKeys } from '../../lib/query-keys';
import { Page } from '../../components/page';
import { useCan } from '../../lib/session';
import { ledgerKey } from './api/keys';
import { useLedgerItem } from './api/get-item';
import { useLedgerMeta } from './api/get-meta';
import { actOnItem } from './api/act-on-item';
import { splitItem } from './api/split-item';
import { SupervisionPanel } from '../../components/supervision-panel';
import { ColourTag } from '../../components/colour-tag';
import { EvidenceUpload, stillUploading, uploadedIds } from '../../components/evidence-upload';
import { CommentButton } from './comment-button';
import { ItemDialogs, type Dialog } from './item-dialogs';
import { isEventKind, isSource } from './messages';
import { STATE_COLORS, type ItemDetail, type LedgerItem, type Step } from './types';

/** One item: its facts, steps, history with evidence, and exactly the actions the state machine allows this user. */
export function LedgerItemPage() {
  const id = Number(useParams().id);
  const item = useLedgerItem(id);
  const { t } = useTranslation('ledger');
  if (item.isLoading) return <Spin />;
  if (item.error || !item.data)
    return <Alert type="error" message={(item.error as Error | null)?.message ?? t('detail.notFound')} />;
  return <ItemView item={item.data} />;
}

function ItemView({ item }: { item: ItemDetail }) {
  const { message, modal } = App.useApp();
  const { t } = useTranslation(['ledger', 'common']);
  const client = useQueryClient();
  const meta = useLedgerMeta();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const can = (a: LedgerAction) => item.actions.includes(a);
  const mayReadArenas = useCan()('arena.read');
  const pending = item.extensions.find((x) => x.status === 'pending');

  // `onDone` runs on success before the item is fetched again: what was typed meanwhile is kept, and a
  // failed action keeps what was typed for it.
  const act = async (body: Record<string, unknown>, done: string, onDone?: () => void) => {
    setBusy(true);
    try {
      await actOnItem(item.id, item.version, body);
      message.success(done);
      setDialog(null);
      form.resetFields();
      onDone?.();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT')
        modal.warning({ title: t('detail.conflict'), content: e.message });
      else message.error(e instanceof ApiError ? e.message : t('common:feedback.failed'));
    } finally {
      setBusy(false);
      await client.invalidateQueries({ queryKey: ledgerKey });
      await client.invalidateQueries({ queryKey: sharedKeys.notifications });
    }
  };
  const split = async (v: { unitIds: number[] }) => {
    try {
      const r = await splitItem(item.id, v.unitIds);
      message.success(t('detail.done.split', { count: r.ids.length }));
      setDialog(null);
      await client.invalidateQueries({ queryKey: ledgerKey });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('detail.splitFailed'));
    }
  };

  const units = (meta.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }));
  return (
    <Page
      title={item.title}
      subtitle={
        <Space size={8}>
          <Tag color={STATE_COLORS[item.state]} data-testid="item-state">
            {t(`states.${item.state}`)}
          </Tag>
          <ColourTag colour={item.colour} daysOverdue={item.daysOverdue} daysLeft={item.daysLeft} />
          {item.parentId && <Link to={`/ledger/items/${item.parentId}`}>{t('detail.parent')}</Link>}
        </Space>
      }
      extra={
        <>
          {can('acknowledge') && (
            <Button
              type="primary"
              loading={busy}
              onClick={() => void act({ action: 'acknowledge' }, t('detail.done.acknowledge'))}
            >
              {t('detail.actions.acknowledge')}
            </Button>
          )}
          {can('close') && (
            <Button
              type="primary"
              loading={busy}
              onClick={() => {
                // modal.confirm answers a thenable handle, not a promise to wait for: the click ignores it.
                modal.confirm({
                  title: t('detail.confirmClose.title'),
                  content: t('detail.confirmClose.content'),
                  // antd keeps the dialog busy until this settles; act reports its own failures.
                  onOk: () => act({ action: 'close', text: '' }, t('detail.done.close')),
                });
              }}
            >
              {t('detail.actions.close')}
            </Button>
          )}
          {can('confirm_close') && (
            <Button
              type="primary"
              loading={busy}
              onClick={() => {
                modal.confirm({
                  title: t('detail.confirmHead.title'),
                  content: t('detail.confirmHead.content'),
                  onOk: () => act({ action: 'confirm_close', text: '' }, t('detail.done.confirm_close')),
                });
              }}
            >
              {t('detail.actions.confirm_close')}
            </Button>
          )}
          {can('comment') && (
            <CommentButton busy={busy} onSend={(text) => act({ action: 'comment', text }, t('detail.done.comment'))} />
          )}
          {can('return') && (
            <Button danger onClick={() => setDialog('return')}>
              {t('detail.actions.return')}
            </Button>
          )}
          {can('request_extension') && (
            <Button onClick={() => setDialog('extension')}>{t('detail.actions.request_extension')}</Button>
          )}
          {can('decide_extension') && (
            <Button onClick={() => setDialog('decide')}>{t('detail.actions.decide_extension')}</Button>
          )}
          {can('reassign') && <Button onClick={() => setDialog('reassign')}>{t('detail.actions.reassign')}</Button>}
          {can('split') && <Button onClick={() => setDialog('split')}>{t('detail.actions.split')}</Button>}
        </>
      }
    >
      <SupervisionPanel
        data={item.supervision}
        urgeUrl={`/ledger/items/${item.id}/urge`}
        instructUrl={`/ledger/items/${item.id}/instructions`}
        queryKey={ledgerKey}
      />
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={2} size="small">
              <Descriptions.Item label={t('fields.source')}>
                {isSource(item.source) ? t(`sources.${item.source}`) : item.source}
              </Descriptions.Item>
              <Descriptions.Item label={t('fields.priority')}>{t(`priorities.${item.priority}`)}</Descriptions.Item>
              <Descriptions.Item label={t('fields.leadUnit')}>{item.leadUnit.name}</Descriptions.Item>
              <Descriptions.Item label={t('fields.coUnits')}>
                {item.coUnits.map((u) => u.name).join(t('common:listSeparator')) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('fields.leader')}>{item.leader?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('fields.deadline')}>
                {item.deadline}
                {item.deadline !== item.originalDeadline && (
                  <Typography.Text type="secondary">
                    {t('detail.extended', { date: item.originalDeadline })}
                  </Typography.Text>
                )}
              </Descriptions.Item>
              {item.closedOn && <Descriptions.Item label={t('fields.closedOn')}>{item.closedOn}</Descriptions.Item>}
              {item.arena && (
                <Descriptions.Item label={t('fields.arena')}>
                  {mayReadArenas ? (
                    <Link to={`/arenas/${item.arena.id}/result`}>{item.arena.name}</Link>
                  ) : (
                    item.arena.name
                  )}
                </Descriptions.Item>
              )}
              {item.tags.length > 0 && (
                <Descriptions.Item label={t('fields.tags')}>
                  {item.tags.map((t) => (
                    <Tag key={t}>{t}</Tag>
                  ))}
                </Descriptions.Item>
              )}
            </Descriptions>
            {item.content && (
              <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>
                {item.content}
              </Typography.Paragraph>
            )}
          </Card>
          {pending && (
            <Alert
              style={{ marginBottom: 16 }}
              type="info"
              message={t('detail.pending', { date: pending.requestedDeadline, reason: pending.reason })}
            />
          )}
          {item.steps.length > 0 && (
            <Card size="small" title={t('detail.steps.title')} style={{ marginBottom: 16 }}>
              <Table<Step>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={item.steps}
                columns={[
                  { title: t('detail.steps.seq'), dataIndex: 'seq', width: 60 },
                  { title: t('detail.steps.step'), dataIndex: 'title' },
                  { title: t('detail.steps.deadline'), dataIndex: 'deadline', width: 110 },
                  {
                    title: t('detail.steps.doneOn'),
                    dataIndex: 'doneOn',
                    width: 110,
                    render: (d: string | null) => d ?? '—',
                  },
                  {
                    title: t('fields.light'),
                    width: 130,
                    render: (_, s) => <ColourTag colour={s.colour} daysOverdue={s.daysOverdue} step />,
                  },
                  {
                    title: '',
                    width: 90,
                    render: (_, s) =>
                      can('complete_step') &&
                      !s.doneOn && (
                        <Button
                          size="small"
                          onClick={() =>
                            void act({ action: 'complete_step', stepId: s.id }, t('detail.done.complete_step'))
                          }
                        >
                          {t('detail.steps.complete')}
                        </Button>
                      ),
                  },
                ]}
              />
            </Card>
          )}
          {(can('progress') || can('request_close')) && <WorkCard item={item} busy={busy} act={act} />}
          {item.subItems.length > 0 && (
            <Card size="small" title={t('detail.subItems', { count: item.subItemCount, closed: item.subItemsClosed })}>
              <Table<LedgerItem>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={item.subItems}
                columns={[
                  { title: t('fields.item'), render: (_, s) => <Link to={`/ledger/items/${s.id}`}>{s.title}</Link> },
                  { title: t('fields.leadUnit'), render: (_, s) => s.leadUnit.name, width: 160 },
                  {
                    title: t('fields.state'),
                    width: 100,
                    render: (_, s) => <Tag color={STATE_COLORS[s.state]}>{t(`states.${s.state}`)}</Tag>,
                  },
                  {
                    title: t('fields.light'),
                    width: 130,
                    render: (_, s) => <ColourTag colour={s.colour} daysOverdue={s.daysOverdue} daysLeft={s.daysLeft} />,
                  },
                ]}
              />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={9}>
          {item.closeOutFlag && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message={item.closeOutFlag}
              data-testid="close-out-flag"
            />
          )}
          <Card size="small" title={t('detail.history')}>
            <Timeline
              items={item.events.map((e) => ({
                color:
                  e.kind === 'return' || e.kind === 'extension_refused'
                    ? 'red'
                    : e.kind === 'close'
                      ? 'green'
                      : e.kind === 'comment'
                        ? 'orange'
                        : 'blue',
                children: (
                  <div data-testid={`event-${e.kind}`}>
                    <Typography.Text strong>{isEventKind(e.kind) ? t(`events.${e.kind}`) : e.kind}</Typography.Text>
                    <Typography.Text type="secondary">
                      {' '}
                      · {e.actorName} · {dayjs(e.at).format('YYYY-MM-DD HH:mm')}
                    </Typography.Text>
                    {e.text && <div style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div>}
                    {e.files.map((f) => (
                      <div key={f.id}>
                        <a href={`/api/files/${f.id}`}>
                          <PaperClipOutlined /> {f.name}
                        </a>
                      </div>
                    ))}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>

      <ItemDialogs
        item={item}
        dialog={dialog}
        close={() => setDialog(null)}
        busy={busy}
        form={form}
        act={act}
        split={split}
        units={units}
      />
    </Page>
  );
}

/** The unit's working panel: a progress update, or a close-out request with evidence. */
function WorkCard({
  item,
  busy,
  act,
}: {
  item: ItemDetail;
  busy: boolean;
  act: (body: Record<string, unknown>, done: string, onDone?: () => void) => Promise<void>;
}) {
  const { t } = useTranslation('ledger');
  const [form] = Form.useForm();
  // A report sent while its evidence is still uploading would go without it: wait for the files.
  const waiting = stillUploading(Form.useWatch('files', form) as Parameters<typeof stillUploading>[0]);
  const send = async (action: 'progress' | 'request_close') => {
    const v = form.getFieldsValue() as { text?: string; files?: Parameters<typeof uploadedIds>[0] };
    await act(
      { action, text: v.text ?? '', fileIds: uploadedIds(v.files) },
      t(action === 'progress' ? 'detail.done.progress' : 'detail.done.request_close'),
      () => form.resetFields(),
    );
  };
  return (
    <Card size="small" title={t('detail.work.title')} style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical">
        <Form.Item name="text" label={t('detail.work.text')}>
          <Input.TextArea rows={3} placeholder={t('detail.work.placeholder')} aria-label={t('detail.work.text')} />
        </Form.Item>
        <Form.Item name="files" label={t('detail.work.evidence')} valuePropName="value">
          <EvidenceUpload label={t('detail.work.upload')} />
        </Form.Item>
        <Space>
          {item.actions.includes('progress') && (
            <Button loading={busy} disabled={waiting} onClick={() => void send('progress')}>
              {t('detail.work.progress')}
            </Button>
          )}
          {item.actions.includes('request_close') && (
            <Button type="primary" loading={busy} disabled={waiting} onClick={() => void send('request_close')}>
              {t('detail.work.requestClose')}
            </Button>
          )}
        </Space>
      </Form>
    </Card>
  );
}
