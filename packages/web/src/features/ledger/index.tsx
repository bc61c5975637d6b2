import { AuditOutlined } from '@ant-design/icons';
import type { Feature } from '../../lib/feature';
import { LedgerListPage } from './list-page';
import { LedgerItemPage } from './detail-page';

/** 督查督办: the ledger, a unit's inbox and a leader's view are one list scoped by the server. */
export const ledgerFeature: Feature = {
  name: 'ledger',
  routes: [
    { path: 'ledger', element: <LedgerListPage /> },
    { path: 'ledger/items/:id', element: <LedgerItemPage /> },
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
