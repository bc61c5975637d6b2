import { createBrowserRouter, Navigate, Outlet } from 'react-router-dom';
import { Result, Spin, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { features } from './features';
import { AppLayout } from './layout';
import { SessionProvider, useMeQuery } from './session';
import { LoginPage } from '../pages/login';
import { ChangePasswordPage } from '../pages/change-password';
import { HomePage } from '../pages/home';

/** Everything inside needs a signed-in user who has no pending password change. */
function SignedIn() {
  const { data: me, isLoading, error, refetch } = useMeQuery();
  const { t } = useTranslation();
  if (isLoading) return <Spin fullscreen />;
  if (error)
    return (
      <Result
        status="error"
        title={t('errors.offline')}
        extra={<Button onClick={() => void refetch()}>{t('actions.retry')}</Button>}
      />
    );
  if (!me) return <Navigate to="/login" replace />;
  return (
    <SessionProvider me={me}>
      {me.user.mustChangePassword ? <ChangePasswordPage required /> : <Outlet />}
    </SessionProvider>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title={t('errors.notFound')} extra={<Button href="/">{t('errors.backHome')}</Button>} />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  ...features.flatMap((f) => f.publicRoutes ?? []),
  {
    element: <SignedIn />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'password', element: <ChangePasswordPage /> },
          ...features.flatMap((f) => f.routes),
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
