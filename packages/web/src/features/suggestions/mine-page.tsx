import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Col, Empty, Form, Input, List, Row, Select, Space, Typography, type UploadFile } from 'antd';
import { SUGGESTION_BODY_MAX, SUGGESTION_TITLE_MAX } from '@leitai/core';
import { Page } from '../../components/page';
import { EvidenceUpload, stillUploading, uploadedIds } from '../../components/evidence-upload';
import { useCan } from '../../lib/session';
import { submitIdea, useMyIdeas, useRounds } from './api';
import { IdeaDrawer } from './idea-drawer';
import { StatusTag } from './status-tag';
import { useAct } from './use-act';
import type { MyIdeas } from './types';

interface Values {
  roundId: number;
  title: string;
  body: string;
  files?: UploadFile[];
}

/** 建言献策, made for a phone too: send one idea to an open round; my ideas and what I am to review. */
export function MySuggestionsPage() {
  const { t } = useTranslation('suggestions');
  const can = useCan();
  const rounds = useRounds();
  const mine = useMyIdeas();
  const [opened, setOpened] = useState<number | null>(null);
  const { busy, act } = useAct();
  const [form] = Form.useForm<Values>();
  const open = (rounds.data ?? []).filter((r) => r.open);
  const files = Form.useWatch('files', form);
  const send = async (v: Values) => {
    const ok = await act(
      () => submitIdea({ roundId: v.roundId, title: v.title, body: v.body, fileIds: uploadedIds(v.files) }),
      () => t('mine.submitted'),
    );
    if (ok) form.resetFields(['title', 'body', 'files']);
  };
  return (
    <Page title={t('mine.title')} subtitle={t('mine.subtitle')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('mine.form')}>
            {open.length === 0 ? (
              <Empty description={t('mine.noOpenRound')} />
            ) : (
              <Form
                form={form}
                layout="vertical"
                initialValues={{ roundId: open[0]!.id }}
                onFinish={(v) => void send(v)}
              >
                <Form.Item name="roundId" label={t('mine.round')} rules={[{ required: true }]}>
                  <Select options={open.map((r) => ({ value: r.id, label: r.title }))} />
                </Form.Item>
                <Form.Item name="title" label={t('mine.ideaTitle')} rules={[{ required: true, whitespace: true }]}>
                  <Input maxLength={SUGGESTION_TITLE_MAX} />
                </Form.Item>
                <Form.Item name="body" label={t('mine.body')} rules={[{ required: true, whitespace: true }]}>
                  <Input.TextArea rows={6} maxLength={SUGGESTION_BODY_MAX} showCount placeholder={t('mine.bodyHint')} />
                </Form.Item>
                {can('file.upload') && (
                  <Form.Item name="files" valuePropName="value">
                    <EvidenceUpload label={t('mine.attach')} />
                  </Form.Item>
                )}
                <Button type="primary" htmlType="submit" block loading={busy} disabled={stillUploading(files)}>
                  {t('mine.submit')}
                </Button>
              </Form>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {(mine.data?.toReview.length ?? 0) > 0 && (
              <IdeaList title={t('mine.toReview')} ideas={mine.data!.toReview} onOpen={setOpened} testId="to-review" />
            )}
            <IdeaList title={t('mine.mine')} ideas={mine.data?.mine ?? []} onOpen={setOpened} testId="my-ideas" />
          </Space>
        </Col>
      </Row>
      <IdeaDrawer id={opened} onClose={() => setOpened(null)} />
    </Page>
  );
}

function IdeaList(props: { title: string; ideas: MyIdeas['mine']; onOpen: (id: number) => void; testId: string }) {
  const { t } = useTranslation('suggestions');
  return (
    <Card size="small" title={props.title} data-testid={props.testId}>
      <List
        size="small"
        dataSource={props.ideas}
        locale={{ emptyText: t('mine.empty') }}
        pagination={props.ideas.length > 10 ? { pageSize: 10, size: 'small' } : false}
        renderItem={(s) => (
          <List.Item onClick={() => props.onOpen(s.id)} style={{ cursor: 'pointer' }}>
            <Space direction="vertical" size={0} style={{ width: '100%' }}>
              <Typography.Link>{s.title}</Typography.Link>
              <Space size={4} wrap>
                <StatusTag status={s.status} />
                {s.reward && <Typography.Text type="danger">{s.reward.label}</Typography.Text>}
                <Typography.Text type="secondary">{s.roundTitle}</Typography.Text>
              </Space>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
