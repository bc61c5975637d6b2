import { ApartmentOutlined, AuditOutlined, SafetyOutlined, TeamOutlined } from '@ant-design/icons';
import type { Feature } from '../../lib/feature';
import { AuditPage } from './audit-page';
import { SecurityPage } from './security-page';
import { UnitsPage } from './units-page';
import { UsersPage } from './users-page';

/** 系统管理: units, accounts (system admin, organiser), the security policy (security admin), the audit log (audit admin). */
export const adminFeature: Feature = {
  name: 'admin',
  routes: [
    { path: 'admin/units', element: <UnitsPage /> },
    { path: 'admin/users', element: <UsersPage /> },
    { path: 'admin/audit', element: <AuditPage /> },
    { path: 'admin/security', element: <SecurityPage /> },
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
