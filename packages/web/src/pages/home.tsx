import { Suspense, type ReactNode } from 'react';
import { Col, Row, Typography, Descriptions, theme } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { features } from '../app/features';
import { useRoleNames } from '../i18n/roles';
import { NAMESPACES } from '../app/messages';
import { useMe } from '../lib/session';

/** 工作台: who you are and where you can go. Features' own widgets come later. */
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
      <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginBottom: 24 }}>
        <Descriptions.Item label={t('common:home.unit')}>{me.user.unitName}</Descriptions.Item>
        <Descriptions.Item label={t('common:home.roles')}>{roles.list(me.user.roles)}</Descriptions.Item>
        <Descriptions.Item label={t('common:home.account')}>{me.user.username}</Descriptions.Item>
      </Descriptions>
      <Row gutter={[16, 16]}>
        {entries.map((m) => (
          <Col key={m.path} xs={24} sm={12} lg={6}>
            <Tile
              icon={m.icon}
              title={t(m.label)}
              description={m.group ? t(`common:menu.groups.${m.group}`) : ''}
              onOpen={() => void navigate(m.path)}
            />
          </Col>
        ))}
      </Row>
      <Suspense fallback={null}>
        {features.flatMap((f) => (f.homeCards ?? []).map((Card, i) => <Card key={`${f.name}-${i}`} />))}
      </Suspense>
    </>
  );
}

/** A way in, as a tile (not antd's Card, which brings its Tabs along: 13 KB gzip on the first page). */
function Tile(props: { icon?: ReactNode; title: string; description: string; onOpen: () => void }) {
  const { token } = theme.useToken();
  return (
    <button
      type="button"
      onClick={props.onOpen}
      style={{
        display: 'flex',
        gap: 16,
        alignItems: 'flex-start',
        width: '100%',
        padding: 24,
        boxSizing: 'border-box',
        textAlign: 'left',
        cursor: 'pointer',
        background: token.colorBgContainer,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        font: 'inherit',
      }}
    >
      <span style={{ fontSize: 18, color: token.colorText }}>{props.icon}</span>
      <span>
        <Typography.Text strong style={{ display: 'block', fontSize: 16, marginBottom: 4 }}>
          {props.title}
        </Typography.Text>
        <Typography.Text type="secondary">{props.description}</Typography.Text>
      </span>
    </button>
  );
}
