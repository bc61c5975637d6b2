import { Card, Col, Row, Typography, Descriptions } from 'antd';
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
            <Card hoverable onClick={() => void navigate(m.path)}>
              <Card.Meta
                avatar={m.icon}
                title={t(m.label)}
                description={m.group ? t(`common:menu.groups.${m.group}`) : ''}
              />
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
