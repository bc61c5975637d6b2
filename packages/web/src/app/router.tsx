import { createBrowserRouter, Navigate, Outlet } from 'react-router-dom';
import { Result, Spin, Button } from 'antd';
import { features } from './features';
import { AppLayout } from './layout';
import { SessionProvider, useMeQuery } from './session';
import { LoginPage } from '../pages/login';
import { ChangePasswordPage } from '../pages/change-password';
import { HomePage } from '../pages/home';

/** Everything inside needs a signed-in user who has no pending password change. */
function SignedIn() {
  const { data: me, isLoading, error, refetch } = useMeQuery();
  if (isLoading) return <Spin fullscreen />;
  if (error) return <Result status="error" title="无法连接服务器" extra={<Button onClick={() => void refetch()}>重试</Button>} />;
  if (!me) return <Navigate to="/login" replace />;
  return (
    <SessionProvider me={me}>{me.user.mustChangePassword ? <ChangePasswordPage required /> : <Outlet />}</SessionProvider>
  );
}

const NotFound = () => <Result status="404" title="页面不存在" extra={<Button href="/">返回工作台</Button>} />;

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
