import { useNavigate } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Empty, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { notificationsKey, notificationsQuery, type Notice, type Receipt } from './api/get-notifications';
import { markRead as postRead } from './api/mark-read';

const RECEIPT_COLOUR: Record<Receipt['state'], string> = { pending: 'default', sent: 'green', failed: 'red' };

const DOT: Record<string, string> = {
  'ledger.red': '#cf1322',
  'ledger.yellow': '#d48806',
  'ledger.returned': '#cf1322',
  'ledger.closed': '#389e0d',
  'dispatch.overdue': '#cf1322',
  'dispatch.due_soon': '#d48806',
  'dispatch.returned': '#cf1322',
  'dispatch.accepted': '#389e0d',
};

/**
 * The latest notices, in the bell's popover (a chunk of its own: the shell loads it when the bell is opened).
 * Opening one calls `onOpen` (the bell closes the list) before it goes to the notice's page.
 */
export function NoticeList({ onOpen }: { onOpen?: () => void }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const { t } = useTranslation('notifications');
  const q = useQuery(notificationsQuery());
  const open = async (n: Notice) => {
    onOpen?.();
    if (!n.read) {
      await postRead([n.id]);
      await client.invalidateQueries({ queryKey: notificationsKey });
    }
    if (n.link) void navigate(n.link);
  };
  return (
    <div
      style={{ width: 'min(360px, calc(100vw - 48px))', maxHeight: 420, overflow: 'auto' }}
      data-testid="notification-list"
    >
      {(q.data?.items.length ?? 0) === 0 ? (
        <Empty description={t('empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={q.data?.items ?? []}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: n.link ? 'pointer' : 'default', opacity: n.read ? 0.6 : 1 }}
              onClick={() => void open(n)}
            >
              <List.Item.Meta
                avatar={<Badge color={DOT[n.kind] ?? '#1677ff'} />}
                title={<Typography.Text strong={!n.read}>{n.title}</Typography.Text>}
                description={
                  <>
                    <div>{n.body}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {dayjs(n.createdAt).format('MM-DD HH:mm')}
                    </Typography.Text>
                    {n.receipts.length > 0 && (
                      <Space size={[4, 4]} wrap style={{ display: 'flex', marginTop: 4 }} data-testid="notice-receipts">
                        {n.receipts.map((r, i) => (
                          <Tag key={i} color={RECEIPT_COLOUR[r.state]} style={{ fontSize: 11, marginInlineEnd: 0 }}>
                            {t(`channel.${r.channel}`)} {t(`receipt.${r.state}`)}
                            {r.at && r.state === 'sent' ? ` ${dayjs(r.at).format('HH:mm')}` : ''}
                            {r.digest ? `（${t('digest')}）` : ''}
                          </Tag>
                        ))}
                      </Space>
                    )}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
