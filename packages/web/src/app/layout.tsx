import { useMemo, useState } from 'react';
import { Layout, Menu, Dropdown, Space, Typography, Avatar, Button, Drawer, theme, type MenuProps } from 'antd';
import { HomeOutlined, LogoutOutlined, KeyOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate, useNavigation } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { signOut } from './api/sign-out';
import { LANGUAGES, useLanguage, type Language } from '../i18n';
import { useNarrow } from '../components/use-narrow';
import { features } from './features';
import type { MenuGroup } from '../lib/feature';
import { NAMESPACES } from './messages';
import { useMe } from './session';
import { useRoleNames } from '../i18n/roles';
import { NotificationBell } from '../features/notifications/bell';

const { Sider, Header, Content } = Layout;
const GROUPS: MenuGroup[] = ['business', 'admin'];

export function AppLayout() {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { t } = useTranslation(NAMESPACES);
  const [language, setLanguage] = useLanguage();
  const roles = useRoleNames();
  const narrow = useNarrow();
  const navigation = useNavigation();
  const { token } = theme.useToken();
  const [drawerOpen, setDrawerOpen] = useState(false);

  const visible = useMemo(
    () =>
      features
        .flatMap((f) => f.menu)
        .filter(
          (m) =>
            (!m.permission || me.permissions.includes(m.permission)) &&
            (!m.roles || m.roles.some((r) => me.user.roles.includes(r))),
        )
        .sort((a, b) => (a.order ?? 0) - (b.order ?? 0)),
    [me],
  );
  const items = useMemo<MenuProps['items']>(() => {
    const entry = (m: (typeof visible)[number]) => ({ key: m.path, icon: m.icon, label: t(m.label) });
    return [
      { key: '/', icon: <HomeOutlined />, label: t('common:menu.home') },
      ...visible.filter((m) => !m.group).map(entry),
      ...GROUPS.map((g) => ({ g, list: visible.filter((m) => m.group === g) }))
        .filter(({ list }) => list.length > 0)
        .map(({ g, list }) => ({
          type: 'group' as const,
          key: g,
          label: t(`common:menu.groups.${g}`),
          children: list.map(entry),
        })),
    ];
  }, [visible, t]);

  // The entry whose path (or one of the pages it leads to: `also`) is the longest prefix of this page, among
  // those the user sees: a unit's monthly report lights 本单位调度, the office's the board.
  const selected = useMemo(() => {
    const under = (k: string) => location.pathname === k || location.pathname.startsWith(`${k}/`);
    const match = visible
      .flatMap((m) => [m.path, ...(m.also ?? [])].filter(under).map((k) => ({ key: m.path, length: k.length })))
      .sort((a, b) => b.length - a.length)[0];
    return [match?.key ?? '/'];
  }, [location.pathname, visible]);

  const logout = async () => {
    await signOut();
    queryClient.clear();
    void navigate('/login');
  };

  const userMenu: MenuProps['items'] = [
    // On a phone the header has no room for unit and roles: they head the user menu instead.
    ...(narrow
      ? [
          { key: 'who', disabled: true, label: `${me.user.unitName} · ${roles.list(me.user.roles)}` },
          { type: 'divider' as const },
        ]
      : []),
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: t('common:user.changePassword'),
      onClick: () => void navigate('/password'),
    },
    {
      type: 'group',
      key: 'language',
      label: t('common:language.label'),
      children: (Object.keys(LANGUAGES) as Language[]).map((lng) => ({
        key: `language:${lng}`,
        label: LANGUAGES[lng],
        onClick: () => setLanguage(lng),
      })),
    },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('common:user.logout'), onClick: () => void logout() },
  ];

  const brand = (
    <div
      style={{
        height: 56,
        display: 'flex',
        alignItems: 'center',
        padding: narrow ? 0 : '0 20px',
        gap: 10,
        lineHeight: 'normal',
      }}
    >
      <span style={{ fontSize: 22, fontWeight: 700, color: '#c41d1d', whiteSpace: 'nowrap' }}>
        {t('common:app.name')}
      </span>
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        {t('common:app.subtitle')}
      </Typography.Text>
    </div>
  );
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected}
      items={items}
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate(key);
      }}
      style={{ borderRight: 0 }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {narrow ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={brand}
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      ) : (
        <Sider width={220} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          {brand}
          {menu}
        </Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Header
          style={{
            background: '#fff',
            padding: narrow ? '0 12px' : '0 24px',
            display: 'flex',
            alignItems: 'center',
            gap: narrow ? 8 : 16,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          {narrow && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('common:menu.open')}
              data-testid="menu-open"
              onClick={() => setDrawerOpen(true)}
            />
          )}
          {narrow && (
            <span style={{ fontSize: 20, fontWeight: 700, color: '#c41d1d', whiteSpace: 'nowrap' }}>
              {t('common:app.name')}
            </span>
          )}
          <div style={{ flex: 1 }} />
          <NotificationBell />
          <Dropdown
            menu={{ items: userMenu, selectable: true, selectedKeys: [`language:${language}`] }}
            placement="bottomRight"
            trigger={narrow ? ['click'] : ['hover']}
          >
            <Space style={{ cursor: 'pointer', minWidth: 0 }} data-testid="user-menu">
              <Avatar size="small" icon={<UserOutlined />} />
              <span style={{ whiteSpace: 'nowrap' }}>{me.user.displayName}</span>
              {!narrow && (
                <Typography.Text type="secondary">
                  {me.user.unitName} · {roles.list(me.user.roles)}
                </Typography.Text>
              )}
            </Space>
          </Dropdown>
        </Header>
        <Content style={{ padding: narrow ? 12 : 24, position: 'relative' }}>
          {/* A page's code arrives on first visit: the old page stays until it has, so say that one is opening. */}
          {navigation.state === 'loading' && (
            <div
              role="progressbar"
              aria-label={t('common:app.opening')}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: 3, background: token.colorPrimary }}
            />
          )}
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
