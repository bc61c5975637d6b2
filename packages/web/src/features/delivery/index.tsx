import { SendOutlined } from '@ant-design/icons';
import { lazyRoute, type Feature } from '../../lib/feature';

export const deliveryFeature: Feature = {
  name: 'delivery',
  routes: [
    lazyRoute(
      'delivery',
      () => import('./delivery-page'),
      (m) => m.DeliveryPage,
    ),
    lazyRoute(
      'my/channels',
      () => import('./my-channels-page'),
      (m) => m.MyChannelsPage,
    ),
  ],
  menu: [
    {
      path: '/delivery',
      label: 'delivery:menu.delivery',
      icon: <SendOutlined />,
      permission: 'delivery.manage',
      group: 'admin',
      order: 91,
    },
  ],
};
