import { Card, Col, Row, Typography, Descriptions } from 'antd';
import { useNavigate } from 'react-router-dom';
import { features } from '../app/features';
import { ROLE_LABELS } from '../app/labels';
import { useMe } from '../app/session';

/** 工作台: who you are and where you can go. Features' own widgets come later. */
export function HomePage() {
  const me = useMe();
  const navigate = useNavigate();
  const entries = features
    .flatMap((f) => f.menu)
    .filter((m) => (!m.permission || me.permissions.includes(m.permission)) && (!m.roles || m.roles.some((r) => me.user.roles.includes(r))));
  return (
    <>
      <Typography.Title level={3}>你好，{me.user.displayName}</Typography.Title>
      <Descriptions size="small" column={3} style={{ marginBottom: 24 }}>
        <Descriptions.Item label="单位">{me.user.unitName}</Descriptions.Item>
        <Descriptions.Item label="角色">{me.user.roles.map((r) => ROLE_LABELS[r]).join('、')}</Descriptions.Item>
        <Descriptions.Item label="账号">{me.user.username}</Descriptions.Item>
      </Descriptions>
      <Row gutter={[16, 16]}>
        {entries.map((m) => (
          <Col key={m.path} xs={24} sm={12} lg={6}>
            <Card hoverable onClick={() => void navigate(m.path)}>
              <Card.Meta avatar={m.icon} title={m.label} description={m.group ?? ''} />
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
