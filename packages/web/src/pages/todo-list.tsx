import { Alert, Col, Flex, Row, Skeleton, Tag, Typography, theme } from 'antd';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Role, TodoGroup, TodoSeverity } from '@leitai/core';
import { api } from '../lib/api';
import { sharedKeys } from '../lib/query-keys';
import { useMe } from '../lib/session';

interface Todos {
  today: string;
  groups: TodoGroup[];
}

const SEVERITY_COLOR: Record<TodoSeverity, string> = { urgent: 'red', waiting: 'blue', info: 'default' };
/** The roles whose usual work the empty state names, in the order a person with several is described by. */
const USUAL = ['organiser', 'leader', 'unit_head', 'reporter', 'judge'] as const satisfies readonly Role[];

/** 工作台's to-do list (its own chunk, outside the main page's budget): the server's groups, as it orders them. */
export function TodoList() {
  const { t } = useTranslation('common');
  const { token } = theme.useToken();
  const me = useMe();
  const q = useQuery({ queryKey: sharedKeys.todos, queryFn: () => api.get<Todos>('/todos') });
  if (q.isLoading) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (q.error) return <Alert type="error" showIcon message={t('home.failed')} description={q.error.message} />;
  const groups = q.data?.groups ?? [];
  if (groups.length === 0) {
    const role = USUAL.find((r) => me.user.roles.includes(r)) ?? 'other';
    return (
      <div
        data-testid="todos-empty"
        style={{
          padding: 16,
          background: token.colorBgContainer,
          border: `1px dashed ${token.colorBorder}`,
          borderRadius: token.borderRadiusLG,
        }}
      >
        <Typography.Text strong style={{ display: 'block', fontSize: 16 }}>
          {t('home.none')}
        </Typography.Text>
        <Typography.Text type="secondary">{t(`home.usual.${role}`)}</Typography.Text>
      </div>
    );
  }
  return (
    <Row gutter={[16, 16]} data-testid="todos">
      {groups.map((g) => (
        <Col key={g.kind} xs={24} md={12} xl={8}>
          <TodoCard group={g} />
        </Col>
      ))}
    </Row>
  );
}

/** One group: its label and count, the few most urgent entries, and the way to the whole list. */
function TodoCard({ group }: { group: TodoGroup }) {
  const { t } = useTranslation('common');
  const { token } = theme.useToken();
  const urgent = group.severity === 'urgent';
  return (
    <section
      data-testid={`todo-${group.kind}`}
      style={{
        height: '100%',
        boxSizing: 'border-box',
        padding: 16,
        background: token.colorBgContainer,
        border: `1px solid ${urgent ? token.colorErrorBorder : token.colorBorderSecondary}`,
        borderLeft: `4px solid ${urgent ? token.colorError : token.colorInfo}`,
        borderRadius: token.borderRadiusLG,
      }}
    >
      <Flex justify="space-between" align="baseline" gap={8}>
        <Link to={group.link} data-testid="todo-open">
          <Typography.Text strong style={{ fontSize: 16 }}>
            {group.label}
          </Typography.Text>
        </Link>
        <Flex align="baseline" gap={8}>
          <Tag color={SEVERITY_COLOR[group.severity]}>{t(`home.severity.${group.severity}`)}</Tag>
          <Typography.Text
            data-testid="todo-count"
            strong
            style={{ fontSize: 24, color: urgent ? token.colorError : token.colorText }}
          >
            {group.count}
          </Typography.Text>
        </Flex>
      </Flex>
      <ul style={{ listStyle: 'none', margin: '8px 0', padding: 0 }}>
        {group.entries.map((e) => (
          <li key={e.link + e.title} style={{ padding: '4px 0', borderTop: `1px solid ${token.colorSplit}` }}>
            <Link
              to={e.link}
              style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
            >
              {e.title}
            </Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[e.unitName, e.daysOverdue > 0 ? null : e.due && t('home.due', { date: e.due })]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
            {e.daysOverdue > 0 && (
              <Typography.Text type="danger" style={{ fontSize: 12, marginLeft: 8 }}>
                {t('home.overdue', { days: e.daysOverdue })}
              </Typography.Text>
            )}
          </li>
        ))}
      </ul>
      {group.count > group.entries.length && <Link to={group.link}>{t('home.all', { count: group.count })}</Link>}
    </section>
  );
}
