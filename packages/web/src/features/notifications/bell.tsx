import { lazy, Suspense, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Popover, Spin } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { notificationsKey, notificationsQuery } from './api/get-notifications';
import { markRead as postRead } from './api/mark-read';

const NoticeList = lazy(() => import('./notice-list').then((m) => ({ default: m.NoticeList })));

/** 消息中心 in the header: unread count, the latest notices; opening one marks it read and goes to its item. */
export function NotificationBell() {
  const client = useQueryClient();
  const { t } = useTranslation('notifications');
  const q = useQuery(notificationsQuery());
  // Controlled, so that opening a notice (or 通知方式) closes the list.
  const [open, setOpen] = useState(false);
  const markAll = async () => {
    await postRead();
    await client.invalidateQueries({ queryKey: notificationsKey });
  };
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <span>{t('title')}</span>
          <span>
            <Link to="/my/channels" style={{ fontSize: 12, fontWeight: 'normal' }} onClick={() => setOpen(false)}>
              {t('channels')}
            </Link>
            {(q.data?.unread ?? 0) > 0 && (
              <Button type="link" size="small" onClick={() => void markAll()}>
                {t('markAllRead')}
              </Button>
            )}
          </span>
        </div>
      }
      content={
        <Suspense fallback={<Spin size="small" />}>
          <NoticeList onOpen={() => setOpen(false)} />
        </Suspense>
      }
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
