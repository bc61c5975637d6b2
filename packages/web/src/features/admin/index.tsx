import { ApartmentOutlined, AuditOutlined, SafetyOutlined, TeamOutlined } from '@ant-design/icons';
import { lazyRoute, type Feature } from '../../lib/feature';

/** 系统管理: units, accounts (system admin, organiser), the security policy (security admin), the audit log (audit admin). */
export const adminFeature: Feature = {
  name: 'admin',
  routes: [
    lazyRoute(
      'admin/units',
      () => import('./units-page'),
      (m) => m.UnitsPage,
    ),
    lazyRoute(
      'admin/users',
      () => import('./users-page'),
      (m) => m.UsersPage,
    ),
    lazyRoute(
      'admin/audit',
      () => import('./audit-page'),
      (m) => m.AuditPage,
    ),
    lazyRoute(
      'admin/security',
      () => import('./security-page'),
      (m) => m.SecurityPage,
    ),
  ],
  menu: [
    {
      path: '/admin/units',
      label: 'admin:menu.units',
      icon: <ApartmentOutlined />,
      permission: 'unit.manage',
      group: 'admin',
      order: 10,
    },
    {
      path: '/admin/users',
      label: 'admin:menu.users',
      icon: <TeamOutlined />,
      permission: 'user.read',
      group: 'admin',
      order: 20,
    },
    {
      path: '/admin/security',
      label: 'admin:menu.security',
      icon: <SafetyOutlined />,
      permission: 'security.manage',
      group: 'admin',
      order: 30,
    },
    {
      path: '/admin/audit',
      label: 'admin:menu.audit',
      icon: <AuditOutlined />,
      permission: 'audit.read',
      group: 'admin',
      order: 40,
    },
  ],
};
