import { useQuery } from '../lib/useQuery';
import { useRoute } from '../lib/router';
import { WorkspaceProvider } from '../lib/settings';
import { Onboarding } from '../features/onboarding/Onboarding';
import { routes } from './routes';
import { Sidebar } from './Sidebar';
import { useShortcuts } from './useShortcuts';

export function App() {
  const settings = useQuery('settings.get', {});
  const [section = 'today', ...params] = useRoute();
  useShortcuts(routes);

  if (settings.error) {
    return (
      <main className="fatal" role="alert">
        <h1>Tandem cannot reach its data</h1>
        <p>{settings.error.message}</p>
      </main>
    );
  }
  if (!settings.data) return null;
  if (!settings.data.initialized) return <Onboarding />;

  const route = routes.find((r) => r.path === section) ?? routes[0];
  if (!route) return null;
  const Page = route.component;
  return (
    <WorkspaceProvider settings={settings.data}>
      <div className="shell">
        <Sidebar routes={routes} current={route.path} businessName={settings.data.businessName} />
        <main className="content" id="main">
          <Page params={params} />
        </main>
      </div>
    </WorkspaceProvider>
  );
}
