import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet } from 'react-router-dom';
import { Button, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { features } from './features';
import { lazyPage as page } from '../lib/feature';
import { SessionProvider, useMeQuery } from './session';

const ChangePasswordPage = lazy(() =>
  import('../pages/change-password').then((m) => ({ default: m.ChangePasswordPage })),
);

/** Everything inside needs a signed-in user who has no pending password change. */
function SignedIn() {
  const { data: me, isLoading, error, refetch } = useMeQuery();
  const { t } = useTranslation();
  if (isLoading) return <Spin fullscreen />;
  if (error)
    return (
      <Flex vertical align="center" gap={16} style={{ padding: 64 }}>
        <Typography.Title level={4}>{t('errors.offline')}</Typography.Title>
        <Button onClick={() => void refetch()}>{t('actions.retry')}</Button>
      </Flex>
    );
  if (!me) return <Navigate to="/login" replace />;
  return (
    <SessionProvider me={me}>
      {me.user.mustChangePassword ? (
        <Suspense fallback={<Spin fullscreen />}>
          <ChangePasswordPage required />
        </Suspense>
      ) : (
        <Outlet />
      )}
    </SessionProvider>
  );
}

// Each page is a chunk of its own: the login page does not download the shell, nor the shell the login page.
export const router = createBrowserRouter([
  {
    path: '/login',
    ...page(
      () => import('../pages/login'),
      (m) => m.LoginPage,
    ),
  },
  ...features.flatMap((f) => f.publicRoutes ?? []),
  {
    element: <SignedIn />,
    children: [
      {
        ...page(
          () => import('./layout'),
          (m) => m.AppLayout,
        ),
        children: [
          {
            index: true,
            ...page(
              () => import('../pages/home'),
              (m) => m.HomePage,
            ),
          },
          {
            path: 'password',
            ...page(
              () => import('../pages/change-password'),
              (m) => m.ChangePasswordPage,
            ),
          },
          ...features.flatMap((f) => f.routes),
          {
            path: '*',
            ...page(
              () => import('../pages/not-found'),
              (m) => m.NotFound,
            ),
          },
        ],
      },
    ],
  },
]);
