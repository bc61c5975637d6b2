import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Empty, Form, Input, Modal, Row, Space, Table, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { ApiError } from '../../lib/api';
import { useCan } from '../../lib/session';
import { dispatchKey } from './api/keys';
import { useCurrentCampaign } from './api/get-campaigns';
import { useUnitOverview, type UnitOverview } from './api/get-unit-overview';
import { confirmTargets } from './api/confirm-targets';
import { requestTargetChange } from './api/request-target-change';
import { WarningTag } from '../../components/warning-tag';
import { ReportStateTag, show, TimingTag } from './tags';
import { TrendChart } from './trend-chart';

/** A unit's own page: what is due, its indicators against pace and warnings, its targets (立目标), its months. */
export function UnitPage() {
  const params = useParams();
  const { campaign, year, myUnitId } = useCurrentCampaign();
  const unitId = params.unitId ? Number(params.unitId) : myUnitId;
  const q = useUnitOverview(campaign?.id, unitId, year);
  const { t } = useTranslation('dispatch');
  const d = q.data;
  if (!campaign)
    return <Page title={t('unit.title')}>{q.isLoading ? null : <Empty description={t('unit.noCampaign')} />}</Page>;
  return (
    <Page
      title={d ? t('unit.titleOf', { name: d.unit.name }) : t('unit.title')}
      subtitle={t('unit.subtitle', { campaign: campaign.name, year })}
    >
      {d && <Body d={d} campaignId={campaign.id} />}
    </Page>
  );
}

function Body({ d, campaignId }: { d: UnitOverview; campaignId: number }) {
  const { t } = useTranslation(['dispatch', 'common']);
  const latest = d.latest?.row;
  const names = new Map(d.targets.map((t) => [t.indicatorId, t]));
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {d.due.map((x) => (
        <Alert
          key={x.period}
          type={x.state === 'returned' ? 'error' : x.timing === 'missing' ? 'warning' : 'info'}
          showIcon
          data-testid={`due-${x.period}`}
          message={
            <Space wrap>
              <span>
                {t(x.state === 'returned' ? 'unit.dueReturned' : 'unit.dueOpen', {
                  period: x.period,
                  deadline: x.deadline,
                })}
              </span>
              <ReportStateTag state={x.state} />
              {x.timing === 'missing' && <TimingTag timing="missing" />}
            </Space>
          }
          description={x.returnReason ? t('returnReason', { reason: x.returnReason }) : undefined}
          action={
            <Link to={`/dispatch/report/${d.unit.id}/${x.period}`}>
              <Button type="primary" size="small">
                {t('unit.fill')}
              </Button>
            </Link>
          }
        />
      ))}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={d.latest ? t('unit.progressOf', { period: d.latest.period }) : t('unit.progress')}>
            <Table
              size="small"
              rowKey="indicatorId"
              pagination={false}
              dataSource={latest?.cells ?? []}
              columns={[
                {
                  title: t('fields.indicator'),
                  key: 'n',
                  render: (_, c) =>
                    t('withMeasure', {
                      name: names.get(c.indicatorId)?.name ?? '',
                      measure: names.get(c.indicatorId)?.measure ?? '',
                    }),
                },
                { title: t('fields.annualTarget'), key: 'b', render: (_, c) => show(c.base) },
                { title: t('unit.actual'), key: 'a', render: (_, c) => c.shown.actual ?? '—' },
                { title: t('unit.expected'), key: 'e', render: (_, c) => c.shown.expected },
                { title: t('unit.light'), key: 's', render: (_, c) => <WarningTag state={c.state} /> },
              ]}
            />
            {d.warnings.length > 0 && (
              <Alert
                style={{ marginTop: 12 }}
                type="warning"
                message={t('unit.warnings', {
                  count: d.warnings.length,
                  names: d.warnings.map((w) => w.name).join(t('common:listSeparator')),
                })}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('trend.title')}>
            <TrendChart series={d.trend} height={260} />
          </Card>
        </Col>
      </Row>
      <Targets d={d} campaignId={campaignId} />
      <Card size="small" title={t('unit.months')}>
        <Table
          scroll={{ x: 800 }}
          size="small"
          rowKey="period"
          pagination={false}
          dataSource={[...d.periods].reverse()}
          columns={[
            {
              title: t('fields.period'),
              dataIndex: 'period',
              render: (p: string) => <Link to={`/dispatch/report/${d.unit.id}/${p}`}>{p}</Link>,
            },
            { title: t('fields.deadline'), dataIndex: 'deadline' },
            { title: t('fields.status'), key: 's', render: (_, p) => <ReportStateTag state={p.state} /> },
            { title: t('fields.timing'), key: 't', render: (_, p) => <TimingTag timing={p.timing} /> },
          ]}
        />
      </Card>
    </Space>
  );
}

function Targets({ d, campaignId }: { d: UnitOverview; campaignId: number }) {
  const can = useCan();
  const client = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation('dispatch');
  const [changing, setChanging] = useState<UnitOverview['targets'][number] | null>(null);
  const [form] = Form.useForm<{ base: string; stretch: string; reason: string }>();
  const unconfirmed = d.targets.filter((t) => !t.confirmed).length;
  const refresh = () => client.invalidateQueries({ queryKey: dispatchKey });
  const confirm = async () => {
    try {
      const r = await confirmTargets(campaignId, d.unit.id, d.year);
      message.success(t('targets.confirmed', { count: r.confirmed }));
      await refresh();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  const submitChange = async () => {
    // An invalid form shows its own messages.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await requestTargetChange(changing!.id, { base: v.base, stretch: v.stretch || null, reason: v.reason });
      message.success(t('targets.changeSubmitted'));
      setChanging(null);
      await refresh();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Card
      size="small"
      title={t('targets.title', { year: d.year })}
      extra={
        can('target.confirm') && unconfirmed > 0 ? (
          <Button type="primary" size="small" onClick={() => void confirm()}>
            {t('targets.confirmAll', { count: unconfirmed })}
          </Button>
        ) : null
      }
    >
      <Table
        scroll={{ x: 800 }}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d.targets}
        columns={[
          {
            title: t('fields.indicator'),
            key: 'n',
            render: (_, x) => t('withMeasure', { name: x.name, measure: x.measure }),
          },
          { title: t('fields.base'), key: 'b', render: (_, x) => show(x.base) },
          { title: t('fields.stretch'), key: 's', render: (_, x) => show(x.stretch) },
          {
            title: t('fields.status'),
            key: 'c',
            render: (_, x) => (
              <Space size={2} wrap>
                {x.confirmed ? (
                  <Tag color="green">{t('targets.isConfirmed')}</Tag>
                ) : (
                  <Tag>{t('targets.unconfirmed')}</Tag>
                )}
                {x.pendingChange && (
                  <Tag color="orange">{t('targets.changePending', { base: show(x.pendingChange.base) })}</Tag>
                )}
                {x.retiredFrom && <Tag>{t('retiredFrom', { period: x.retiredFrom })}</Tag>}
                {x.fromPeriod && <Tag>{t('targets.fromPeriod', { period: x.fromPeriod })}</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            key: 'x',
            render: (_, x) =>
              can('target.confirm') && x.confirmed && !x.pendingChange ? (
                <Button
                  size="small"
                  type="link"
                  onClick={() => {
                    form.setFieldsValue({ base: x.base, stretch: x.stretch ?? '', reason: '' });
                    setChanging(x);
                  }}
                >
                  {t('targets.requestChange')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        open={changing !== null}
        title={t('targets.requestTitle', { name: changing?.name ?? '' })}
        onCancel={() => setChanging(null)}
        onOk={() => void submitChange()}
        okText={t('targets.submitRequest')}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="base"
            label={t('fields.base')}
            rules={[{ required: true, message: t('targets.baseRequired') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="stretch" label={t('fields.stretch')}>
            <Input />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('targets.reason')}
            rules={[{ required: true, min: 4, message: t('targets.reasonRequired') }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
