import { lazy, Suspense, type ReactNode } from 'react';
import { Col, Row, Typography, theme } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { features } from '../app/features';
import { useRoleNames } from '../i18n/roles';
import { NAMESPACES } from '../app/messages';
import { useMe } from '../lib/session';

// The to-do list arrives in its own chunk: the first page stays within its budget (docs/todos.md).
const TodoList = lazy(() => import('./todo-list').then((m) => ({ default: m.TodoList })));

/** 工作台: what waits for you (the server's to-dos), then where you can go. */
export function HomePage() {
  const me = useMe();
  const navigate = useNavigate();
  const { t } = useTranslation(NAMESPACES);
  const roles = useRoleNames();
  const entries = features
    .flatMap((f) => f.menu)
    .filter(
      (m) =>
        (!m.permission || me.permissions.includes(m.permission)) &&
        (!m.roles || m.roles.some((r) => me.user.roles.includes(r))),
    );
  return (
    <>
      <Typography.Title level={3}>{t('common:home.greeting', { name: me.user.displayName })}</Typography.Title>
      {/* A line of text, not antd's Descriptions: the first page's script budget (350 KB) has no room for it. */}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }} data-testid="home-who">
        {(
          [
            [t('common:home.unit'), me.user.unitName],
            [t('common:home.roles'), roles.list(me.user.roles)],
            [t('common:home.account'), me.user.username],
          ] as const
        ).map(([label, value]) => (
          <span key={label} style={{ marginRight: 24, display: 'inline-block' }}>
            {label}：{value}
          </span>
        ))}
      </Typography.Paragraph>
      <Typography.Title level={4}>{t('common:home.todos')}</Typography.Title>
      <Suspense fallback={null}>
        <TodoList />
        {features.flatMap((f) => (f.homeCards ?? []).map((Card, i) => <Card key={`${f.name}-${i}`} />))}
      </Suspense>
      <Typography.Title level={5} type="secondary" style={{ marginTop: 32 }}>
        {t('common:home.shortcuts')}
      </Typography.Title>
      <Row gutter={[12, 12]} data-testid="shortcuts">
        {entries.map((m) => (
          <Col key={m.path} xs={12} sm={8} lg={6} xl={4}>
            <Tile
              icon={m.icon}
              title={t(m.label)}
              description={m.group ? t(`common:menu.groups.${m.group}`) : ''}
              onOpen={() => void navigate(m.path)}
            />
          </Col>
        ))}
      </Row>
    </>
  );
}

/** A way in, as a small tile (not antd's Card, which brings its Tabs along: 13 KB gzip on the first page). */
function Tile(props: { icon?: ReactNode; title: string; description: string; onOpen: () => void }) {
  const { token } = theme.useToken();
  return (
    <button
      type="button"
      onClick={props.onOpen}
      style={{
        display: 'flex',
        gap: 10,
        alignItems: 'flex-start',
        width: '100%',
        height: '100%',
        padding: '12px 14px',
        boxSizing: 'border-box',
        textAlign: 'left',
        cursor: 'pointer',
        background: token.colorBgContainer,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        font: 'inherit',
      }}
    >
      <span style={{ fontSize: 16, color: token.colorTextSecondary }}>{props.icon}</span>
      <span>
        <Typography.Text style={{ display: 'block', fontSize: 14 }}>{props.title}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {props.description}
        </Typography.Text>
      </span>
    </button>
  );
}
