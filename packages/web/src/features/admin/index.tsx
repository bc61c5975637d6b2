import { ApartmentOutlined, AuditOutlined, SafetyOutlined, TeamOutlined } from '@ant-design/icons';
import type { Feature } from '../../app/feature';
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
    { path: '/admin/units', label: '单位管理', icon: <ApartmentOutlined />, permission: 'unit.manage', group: '系统管理', order: 10 },
    { path: '/admin/users', label: '用户管理', icon: <TeamOutlined />, permission: 'user.read', group: '系统管理', order: 20 },
    { path: '/admin/security', label: '安全策略', icon: <SafetyOutlined />, permission: 'security.manage', group: '系统管理', order: 30 },
    { path: '/admin/audit', label: '审计日志', icon: <AuditOutlined />, permission: 'audit.read', group: '系统管理', order: 40 },
  ],
};
