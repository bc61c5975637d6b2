import { useMemo } from 'react';
import { Layout, Menu, Dropdown, Space, Typography, Avatar, type MenuProps } from 'antd';
import { HomeOutlined, LogoutOutlined, KeyOutlined, UserOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api';
import { features } from './features';
import { useMe } from './session';
import { ROLE_LABELS } from './labels';
import { NotificationBell } from '../features/notifications/bell';

const { Sider, Header, Content } = Layout;

export function AppLayout() {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();

  const items = useMemo<MenuProps['items']>(() => {
    const visible = features
      .flatMap((f) => f.menu)
      .filter((m) => (!m.permission || me.permissions.includes(m.permission)) && (!m.roles || m.roles.some((r) => me.user.roles.includes(r))))
      .sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    const entry = (m: (typeof visible)[number]) => ({ key: m.path, icon: m.icon, label: m.label });
    const groups = ['考核业务', '系统管理'] as const;
    return [
      { key: '/', icon: <HomeOutlined />, label: '工作台' },
      ...visible.filter((m) => !m.group).map(entry),
      ...groups
        .map((g) => ({ g, list: visible.filter((m) => m.group === g) }))
        .filter(({ list }) => list.length > 0)
        .map(({ g, list }) => ({ type: 'group' as const, key: g, label: g, children: list.map(entry) })),
    ];
  }, [me]);

  const selected = useMemo(() => {
    const keys = features.flatMap((f) => f.menu.map((m) => m.path));
    const match = keys.filter((k) => location.pathname === k || location.pathname.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0];
    return [match ?? '/'];
  }, [location.pathname]);

  const logout = async () => {
    await api.post('/auth/logout');
    queryClient.clear();
    void navigate('/login');
  };

  const userMenu: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: '修改密码', onClick: () => void navigate('/password') },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: () => void logout() },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={220} theme="light" breakpoint="lg" collapsedWidth={0} style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ height: 56, display: 'flex', alignItems: 'center', padding: '0 20px', gap: 10 }}>
          <span style={{ fontSize: 22, fontWeight: 700, color: '#c41d1d' }}>擂台</span>
          <Typography.Text type="secondary">绩效考核平台</Typography.Text>
        </div>
        <Menu mode="inline" selectedKeys={selected} items={items} onClick={({ key }) => void navigate(key)} style={{ borderRight: 0 }} />
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 16, borderBottom: '1px solid #f0f0f0' }}>
          <NotificationBell />
          <Dropdown menu={{ items: userMenu }} placement="bottomRight">
            <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
              <Avatar size="small" icon={<UserOutlined />} />
              <span>{me.user.displayName}</span>
              <Typography.Text type="secondary">
                {me.user.unitName} · {me.user.roles.map((r) => ROLE_LABELS[r]).join('、')}
              </Typography.Text>
            </Space>
          </Dropdown>
        </Header>
        <Content style={{ padding: 24 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
