import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
  type UploadFile,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { RatingAction, RatingState } from '@leitai/core';
import { EvidenceUpload, TextWithEvidence, stillUploading, uploadedIds } from '../../components/evidence-upload';
import { ApiError } from '../../lib/api';
import { appealRating, decideAppeal, recordCallback, revealPhone, reviewRating } from './api/act';
import { useRatingList, type ListFilter } from './api/get-list';
import { ratingsKey } from './api/keys';
import type { RatingView } from './api/types';

const STATE_COLOURS: Record<RatingState, string> = {
  held: 'purple',
  open: 'red',
  answered: 'blue',
  satisfied: 'green',
  reopened: 'volcano',
  closed: 'default',
  appealed: 'gold',
  excluded: 'default',
  rejected: 'default',
  counted: 'green',
};

/** A list of ratings (bad ones, the review queue or appeals) with the actions the server allows on each. */
export function RatingsTable({ filter }: { filter: Omit<ListFilter, 'page' | 'pageSize'> }) {
  const { t } = useTranslation('ratings');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const { data, isLoading } = useRatingList({ ...filter, page, pageSize: 20 });
  const [acting, setActing] = useState<{ rating: RatingView; action: RatingAction } | null>(null);
  const [phones, setPhones] = useState<Record<number, string>>({});
  const [form] = Form.useForm();
  const uploading = stillUploading(Form.useWatch('files', form) as UploadFile[] | undefined);

  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      await queryClient.invalidateQueries({ queryKey: ratingsKey });
      setActing(null);
      form.resetFields();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('failed'));
    }
  };
  const start = (rating: RatingView, action: RatingAction) => {
    if (action === 'reveal_phone')
      void run(async () => {
        const { phone } = await revealPhone(rating.id);
        setPhones((p) => ({ ...p, [rating.id]: phone }));
      });
    else setActing({ rating, action });
  };
  const submit = async () => {
    if (!acting) return;
    const v = (await form.validateFields()) as Record<string, string> & {
      at?: dayjs.Dayjs;
      verdict?: string;
      files?: UploadFile[];
    };
    const id = acting.rating.id;
    await run(() => {
      switch (acting.action) {
        case 'callback':
          return recordCallback(id, { caller: v.caller!, at: (v.at ?? dayjs()).toISOString(), outcome: v.outcome! });
        case 'appeal':
          return appealRating(id, v.reason!, uploadedIds(v.files));
        case 'decide_appeal':
          return decideAppeal(id, v.verdict === 'uphold', v.reason!);
        case 'release':
        case 'reject':
          return reviewRating(id, acting.action === 'release', v.reason ?? '');
        case 'reveal_phone':
          return Promise.resolve(); // answered at once, without the dialog
      }
    });
  };

  return (
    <>
      <Table<RatingView>
        size="small"
        rowKey="id"
        loading={isLoading}
        dataSource={data?.ratings ?? []}
        scroll={{ x: 1200 }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('columns.date'), dataIndex: 'ratedOn', width: 104 },
          { title: t('columns.unit'), render: (_, r) => r.unit.name, width: 140 },
          { title: t('columns.point'), dataIndex: 'pointName', width: 160 },
          {
            title: t('columns.level'),
            width: 110,
            render: (_, r) => (
              <Space size={4}>
                <Tag color={r.bad ? 'red' : 'green'}>{r.level}</Tag>
                {r.realName && <Tag>{t('realName')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('columns.reason'),
            // Wide enough that a reason, a call-back and an appeal with its files stay readable on a phone.
            width: 280,
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                {r.reason && <Typography.Text>{r.reason}</Typography.Text>}
                {r.comment && <Typography.Text type="secondary">{r.comment}</Typography.Text>}
                {r.reviewReason && r.review === 'held' && (
                  <Typography.Text type="warning">{t('review.held', { reason: r.reviewReason })}</Typography.Text>
                )}
                {r.callback && (
                  <Typography.Text type="secondary">
                    {t('callback.done', { caller: r.callback.caller, outcome: r.callback.outcome })}
                  </Typography.Text>
                )}
                {r.appeal && (
                  <Typography.Text type="secondary">
                    <TextWithEvidence text={t('appeal.pending', { reason: r.appeal.reason })} files={r.appeal.files} />
                  </Typography.Text>
                )}
                {phones[r.id] && (
                  <Typography.Text copyable>{t('phoneShown', { phone: phones[r.id]! })}</Typography.Text>
                )}
                {!phones[r.id] && r.phone && <Typography.Text type="secondary">{r.phone}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('columns.state'),
            width: 110,
            render: (_, r) => <Tag color={STATE_COLOURS[r.state]}>{t(`states.${r.state}`)}</Tag>,
          },
          {
            title: t('columns.item'),
            width: 90,
            render: (_, r) =>
              r.ledgerItemId ? <Link to={`/ledger/items/${r.ledgerItemId}`}>#{r.ledgerItemId}</Link> : '—',
          },
          {
            title: t('columns.actions'),
            width: 200,
            render: (_, r) => (
              <Space wrap size={4}>
                {r.actions.map((a) => (
                  <Button key={a} size="small" onClick={() => start(r, a)}>
                    {t(`actions.${a}`)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={acting !== null}
        title={acting ? t(`actions.${acting.action}`) : ''}
        onCancel={() => setActing(null)}
        onOk={() => void submit()}
        okButtonProps={{ disabled: uploading }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {acting?.action === 'callback' && (
            <>
              <Form.Item name="caller" label={t('callback.caller')} rules={[{ required: true, min: 2 }]}>
                <Input maxLength={20} />
              </Form.Item>
              <Form.Item name="at" label={t('callback.at')} initialValue={dayjs()}>
                <DatePicker showTime style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="outcome" label={t('callback.outcome')} rules={[{ required: true, min: 2 }]}>
                <Input.TextArea maxLength={500} rows={3} />
              </Form.Item>
            </>
          )}
          {acting?.action === 'appeal' && (
            <>
              <Form.Item name="reason" label={t('appeal.reason')} rules={[{ required: true, min: 5 }]}>
                <Input.TextArea maxLength={1000} rows={4} />
              </Form.Item>
              <Form.Item
                name="files"
                label={t('appeal.evidence')}
                valuePropName="value"
                extra={t('appeal.evidenceHint')}
              >
                <EvidenceUpload label={t('appeal.upload')} />
              </Form.Item>
            </>
          )}
          {acting?.action === 'decide_appeal' && (
            <>
              {acting.rating.appeal && (
                <Typography.Paragraph data-testid="appeal-evidence">
                  <TextWithEvidence text={acting.rating.appeal.reason} files={acting.rating.appeal.files} />
                </Typography.Paragraph>
              )}
              <Form.Item name="verdict" initialValue="refuse">
                <Radio.Group
                  options={[
                    { value: 'uphold', label: t('decide.uphold') },
                    { value: 'refuse', label: t('decide.refuse') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="reason" label={t('decide.reason')} rules={[{ required: true, min: 2 }]}>
                <Input.TextArea maxLength={500} rows={3} />
              </Form.Item>
            </>
          )}
          {(acting?.action === 'release' || acting?.action === 'reject') && (
            <Form.Item name="reason" label={t('review.reason')}>
              <Input.TextArea maxLength={500} rows={3} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
