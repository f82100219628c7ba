import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api/client';
import { session } from './auth/session-store';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      // A 503 (a dependency is down) is retried with backoff; a 4xx is an answer, not a fault.
      retry: (n, err) => (err instanceof ApiError ? err.status >= 500 && n < 6 : n < 3),
      retryDelay: (n) => Math.min(1000 * 2 ** n, 15_000),
    },
    mutations: { retry: false },
  },
});

// Another person signs in (or no one): nothing the last one read may show, not even while stale.
let reader = session.get()?.username;
session.subscribe(() => {
  const now = session.get()?.username;
  if (now !== reader) queryClient.clear();
  reader = now;
});

export function AppProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  useEffect(() => {
    dayjs.locale(zh ? 'zh-cn' : 'en');
  }, [zh]);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={zh ? zhCN : enUS}
        button={{ autoInsertSpace: false }}
        theme={{
          token: {
            colorPrimary: '#1f5fbf',
            colorLink: '#1f5fbf',
            // Hovered links darken rather than lighten, so they keep WCAG AA contrast too.
            colorLinkHover: '#17488f',
            colorLinkActive: '#17488f',
            colorInfo: '#1f5fbf',
            colorTextDescription: '#595959',
            colorTextTertiary: '#595959',
            colorTextPlaceholder: '#6b6b6b',
            colorError: '#c62828',
            colorWarning: '#ad6800',
            colorSuccess: '#237804',
            borderRadius: 6,
          },
        }}
      >
        {/* App: the messages after a command (App.useApp) take the theme and the language. */}
        <App>{children}</App>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
