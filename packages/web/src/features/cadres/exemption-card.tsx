import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EXEMPTION_DECISIONS, EXEMPTION_DECISION_LABELS, type CadreRecord } from '@leitai/core';
import { api } from '../../lib/api';
import { useAct } from '../../lib/use-act';
import { cadresKey } from './api/keys';

type Exemption = CadreRecord['exemptions'][number];

interface Values {
  decidedOn: Dayjs;
  matter: string;
  decision: string;
  basis: string;
  decidedBy: string;
  itemId?: number | null;
}

/** 容错免责: the decisions on the record, and (for the department that keeps the cadre) recording one. */
export function ExemptionCard({ record: r }: { record: CadreRecord }) {
  const { t } = useTranslation('cadres');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { busy, act } = useAct(cadresKey);
  const save = async (v: Values) => {
    const ok = await act(
      () =>
        api.post(`/cadres/${r.cadre.id}/exemptions`, {
          matter: v.matter,
          decision: v.decision,
          basis: v.basis,
          decidedBy: v.decidedBy,
          decidedOn: v.decidedOn.format('YYYY-MM-DD'),
          itemId: v.itemId ?? null,
        }),
      () => t('exemption.saved'),
    );
    if (ok) {
      setOpen(false);
      form.resetFields();
    }
  };
  return (
    <Card
      title={t('exemption.title')}
      size="small"
      extra={
        r.actions.exempt && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="add-exemption">
            {t('exemption.add')}
          </Button>
        )
      }
    >
      <Table<Exemption>
        rowKey="id"
        size="small"
        scroll={{ x: 760 }}
        pagination={false}
        locale={{ emptyText: t('exemption.empty') }}
        dataSource={r.exemptions}
        columns={[
          { title: t('exemption.decidedOn'), dataIndex: 'decidedOn', width: 110 },
          {
            title: t('exemption.matter'),
            width: 220,
            render: (_: unknown, e) =>
              e.source ? <Link to={`/ledger/items/${e.source.id}`}>{e.matter}</Link> : e.matter,
          },
          { title: t('exemption.decision'), dataIndex: 'decisionLabel', width: 120 },
          { title: t('exemption.basis'), dataIndex: 'basis', width: 200 },
          { title: t('exemption.decidedBy'), dataIndex: 'decidedBy', width: 110 },
        ]}
      />
      <Modal
        open={open}
        title={t('exemption.add')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)} initialValues={{ decision: 'exempted' }}>
          <Form.Item name="matter" label={t('exemption.matter')} rules={[{ required: true, max: 200 }]}>
            <Input.TextArea rows={2} placeholder={t('exemption.matterHint')} />
          </Form.Item>
          <Form.Item name="decision" label={t('exemption.decision')} rules={[{ required: true }]}>
            <Select options={EXEMPTION_DECISIONS.map((d) => ({ value: d, label: EXEMPTION_DECISION_LABELS[d] }))} />
          </Form.Item>
          <Form.Item name="basis" label={t('exemption.basis')} rules={[{ required: true, max: 200 }]}>
            <Input placeholder={t('exemption.basisHint')} />
          </Form.Item>
          <Form.Item name="decidedBy" label={t('exemption.decidedBy')} rules={[{ required: true, max: 60 }]}>
            <Input placeholder={t('exemption.decidedByHint')} />
          </Form.Item>
          <Form.Item name="decidedOn" label={t('exemption.decidedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="itemId" label={t('exemption.item')} extra={t('exemption.itemHint')}>
            <InputNumber min={1} style={{ width: 200 }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
