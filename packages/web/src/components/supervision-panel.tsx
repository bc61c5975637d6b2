import { useState } from 'react';
import dayjs from 'dayjs';
import { Button, Flex, Input, Modal, Tag, Typography, theme } from 'antd';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { INSTRUCTION_TEXT_MAX, URGE_MESSAGE_MAX, type Supervision } from '@leitai/core';
import { api } from '../lib/api';
import { sharedKeys } from '../lib/query-keys';
import { useAct } from '../lib/use-act';

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/**
 * 催办 and 批示 on a ledger item or a monthly report: the unit sees how often it was urged and the leaders'
 * instructions, prominently, and answers them; the office urges and a leader instructs when the server
 * serves those actions (`urgeUrl`, `instructUrl`: the subject's routes; `queryKey`: what to refresh).
 */
export function SupervisionPanel(props: {
  data: Supervision;
  urgeUrl: string;
  instructUrl: string;
  queryKey: QueryKey;
}) {
  const { data } = props;
  const { t } = useTranslation('common');
  const { token } = theme.useToken();
  // Unused answers stay per instruction while the page is open.
  const client = useQueryClient();
  const { busy, act } = useAct(props.queryKey);
  const [dialog, setDialog] = useState<'urge' | 'instruct' | null>(null);
  const [text, setText] = useState('');
  const [answers, setAnswers] = useState<Record<number, string>>({});
  const done = async (ok: boolean) => {
    if (!ok) return;
    setDialog(null);
    setText('');
    await client.invalidateQueries({ queryKey: sharedKeys.todos });
  };
  const send = async () => {
    if (dialog === 'urge')
      await done(
        await act(
          () => api.post(props.urgeUrl, { message: text }),
          () => t('supervision.urgeDone'),
        ),
      );
    if (dialog === 'instruct')
      await done(
        await act(
          () => api.post(props.instructUrl, { text }),
          () => t('supervision.instructDone'),
        ),
      );
  };
  const answer = async (id: number) =>
    done(
      await act(
        () => api.post(`/instructions/${id}/answer`, { text: answers[id] ?? '' }),
        () => t('supervision.answerDone'),
      ),
    );
  if (data.urgeCount === 0 && data.instructions.length === 0 && data.actions.length === 0) return null;
  return (
    <div data-testid="supervision" style={{ marginBottom: 16 }}>
      <Flex gap={8} wrap align="center" style={{ marginBottom: data.instructions.length ? 8 : 0 }}>
        {data.urgeCount > 0 && (
          <Tag
            color="volcano"
            data-testid="urge-count"
            title={data.urges.map((u) => `${when(u.at)} ${u.byName} ${u.message}`).join('\n')}
          >
            {t('supervision.urged', { count: data.urgeCount })}
          </Tag>
        )}
        {data.urges[0]?.message && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {when(data.urges[0].at)} {data.urges[0].byName}：{data.urges[0].message}
          </Typography.Text>
        )}
        {data.actions.includes('urge') && (
          <Button danger onClick={() => setDialog('urge')} data-testid="urge">
            {t('supervision.urge')}
          </Button>
        )}
        {data.actions.includes('instruct') && (
          <Button type="primary" onClick={() => setDialog('instruct')} data-testid="instruct">
            {t('supervision.instruct')}
          </Button>
        )}
      </Flex>
      {data.instructions.map((i) => (
        <div
          key={i.id}
          data-testid={`instruction-${i.id}`}
          style={{
            padding: 12,
            marginBottom: 8,
            background: token.colorWarningBg,
            border: `1px solid ${token.colorWarningBorder}`,
            borderRadius: token.borderRadiusLG,
          }}
        >
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('supervision.instructions')} · {i.byName} · {when(i.at)}
          </Typography.Text>
          <Typography.Paragraph strong style={{ fontSize: 16, margin: '4px 0' }}>
            {i.text}
          </Typography.Paragraph>
          {i.answer !== null ? (
            <div data-testid="instruction-answer">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('supervision.answered', { name: i.answeredByName ?? '', at: when(i.answeredAt ?? '') })}
              </Typography.Text>
              <Typography.Paragraph style={{ margin: 0 }}>{i.answer}</Typography.Paragraph>
            </div>
          ) : i.canAnswer ? (
            <Flex gap={8} align="flex-start">
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={INSTRUCTION_TEXT_MAX}
                placeholder={t('supervision.answerHint')}
                value={answers[i.id] ?? ''}
                onChange={(e) => setAnswers((a) => ({ ...a, [i.id]: e.target.value }))}
                data-testid="answer-text"
              />
              <Button
                type="primary"
                loading={busy}
                disabled={!(answers[i.id] ?? '').trim()}
                onClick={() => void answer(i.id)}
                data-testid="answer"
              >
                {t('supervision.answer')}
              </Button>
            </Flex>
          ) : (
            <Typography.Text type="warning">{t('supervision.waiting')}</Typography.Text>
          )}
        </div>
      ))}
      <Modal
        open={dialog !== null}
        title={dialog === 'urge' ? t('supervision.urgeTitle') : t('supervision.instructTitle')}
        onCancel={() => setDialog(null)}
        onOk={() => void send()}
        okButtonProps={{ loading: busy, disabled: dialog === 'instruct' && !text.trim() }}
        destroyOnHidden
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={dialog === 'urge' ? URGE_MESSAGE_MAX : INSTRUCTION_TEXT_MAX}
          showCount
          placeholder={dialog === 'urge' ? t('supervision.urgeHint') : t('supervision.instructHint')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="supervision-text"
        />
      </Modal>
    </div>
  );
}
