import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LedgerItem } from '@leitai/core';
import { ApiError } from '../../lib/api';
import { commitmentsKey, commitmentsQuery } from './api/get-commitments';
import { recordCommitment } from './api/record-commitment';
import { useCan } from '../../lib/session';
import { ColourTag } from '../../components/colour-tag';
import type { ArenaResult } from './types';

interface Values {
  contestantId: number;
  title: string;
  deadline: { format(f: string): string };
}

/**
 * 擂台表态: what heads promised on stage, each a ledger item of their unit with its light. The office
 * records a promise here; the unit then works it like any other supervised item.
 */
export function Commitments({ arena }: { arena: ArenaResult }) {
  const { t } = useTranslation('arena');
  const can = useCan();
  const id = arena.arena.id;
  const client = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const items = useQuery(commitmentsQuery(id));
  const save = async () => {
    // An invalid form shows its own messages.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await recordCommitment(id, {
        contestantId: v.contestantId,
        title: v.title,
        deadline: v.deadline.format('YYYY-MM-DD'),
      });
      message.success(t('commitments.saved'));
      setOpen(false);
      form.resetFields();
      await client.invalidateQueries({ queryKey: commitmentsKey(id) });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Card
      size="small"
      title={t('commitments.title')}
      style={{ marginTop: 16 }}
      extra={
        can('arena.manage') &&
        can('ledger.manage') && <Button onClick={() => setOpen(true)}>{t('commitments.record')}</Button>
      }
    >
      <Table<LedgerItem>
        size="small"
        rowKey="id"
        pagination={false}
        loading={items.isLoading}
        dataSource={items.data ?? []}
        locale={{ emptyText: t('commitments.none') }}
        scroll={{ x: 700 }}
        data-testid="commitments"
        columns={[
          { title: t('result.unit'), width: 160, render: (_, i) => i.leadUnit.name },
          {
            title: t('commitments.promise'),
            render: (_, i) => (can('ledger.read') ? <Link to={`/ledger/items/${i.id}`}>{i.title}</Link> : i.title),
          },
          { title: t('commitments.deadline'), dataIndex: 'deadline', width: 110 },
          {
            title: t('commitments.light'),
            width: 130,
            render: (_, i) =>
              i.state === 'closed' && i.daysOverdue === 0 ? (
                <Tag color="success">{t('commitments.kept')}</Tag>
              ) : (
                <ColourTag colour={i.colour} daysOverdue={i.daysOverdue} daysLeft={i.daysLeft} />
              ),
          },
        ]}
      />
      <Modal open={open} title={t('commitments.record')} onCancel={() => setOpen(false)} onOk={() => void save()}>
        <Form form={form} layout="vertical">
          <Form.Item
            name="contestantId"
            label={t('commitments.who')}
            rules={[{ required: true, message: t('commitments.whoRequired') }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={arena.rows.map((r) => ({
                value: r.contestantId,
                label: r.presenter ? `${r.unitName} · ${r.presenter}` : r.unitName,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('commitments.promise')}
            rules={[{ required: true, min: 4, message: t('commitments.promiseRequired') }]}
          >
            <Input placeholder={t('commitments.promiseHint')} maxLength={100} />
          </Form.Item>
          <Form.Item
            name="deadline"
            label={t('commitments.deadline')}
            rules={[{ required: true, message: t('commitments.deadlineRequired') }]}
          >
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
