import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { initI18n } from './i18n';
import { LocalisedConfigProvider } from './i18n/config-provider';
import { loadLanguage, NAMESPACES, resources } from './app/messages';
import { router } from './app/router';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

// A device that chose English fetches it before the first render; 简体中文 is bundled.
void initI18n(resources, NAMESPACES, loadLanguage).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LocalisedConfigProvider theme={{ token: { colorPrimary: '#c41d1d', borderRadius: 6 } }}>
        <App>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </App>
      </LocalisedConfigProvider>
    </StrictMode>,
  ),
);
