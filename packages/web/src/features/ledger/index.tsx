import { AuditOutlined } from '@ant-design/icons';
import { lazyRoute, type Feature } from '../../lib/feature';

/** 督查督办: the ledger, a unit's inbox and a leader's view are one list scoped by the server. */
export const ledgerFeature: Feature = {
  name: 'ledger',
  routes: [
    lazyRoute(
      'ledger',
      () => import('./list-page'),
      (m) => m.LedgerListPage,
    ),
    lazyRoute(
      'ledger/items/:id',
      () => import('./detail-page'),
      (m) => m.LedgerItemPage,
    ),
  ],
  menu: [
    {
      path: '/ledger',
      label: 'ledger:menu.list',
      icon: <AuditOutlined />,
      permission: 'ledger.read',
      group: 'business',
      order: 40,
    },
  ],
};
