import { useNavigate } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { notificationsKey, notificationsQuery, type Notice } from './api/get-notifications';
import { markRead as postRead } from './api/mark-read';

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

/** 消息中心 in the header: unread count, the latest notices; opening one marks it read and goes to its item. */
export function NotificationBell() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const { t } = useTranslation('notifications');
  const q = useQuery(notificationsQuery());
  const markRead = async (ids?: number[]) => {
    await postRead(ids);
    await client.invalidateQueries({ queryKey: notificationsKey });
  };
  const open = (n: Notice) => {
    if (!n.read) void markRead([n.id]);
    if (n.link) void navigate(n.link);
  };
  const content = (
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
              onClick={() => open(n)}
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
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <span>{t('title')}</span>
          {(q.data?.unread ?? 0) > 0 && (
            <Button type="link" size="small" onClick={() => void markRead()}>
              {t('markAllRead')}
            </Button>
          )}
        </div>
      }
      content={content}
    >
      <Badge count={q.data?.unread ?? 0} size="small" data-testid="notification-count">
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined />}
          aria-label={t('title')}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
