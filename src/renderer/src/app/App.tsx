import { useState } from 'react';
import { useQuery } from '../lib/useQuery';
import { useRoute } from '../lib/router';
import { WorkspaceProvider } from '../lib/settings';
import { ClockProvider } from '../lib/clock';
import { PeriodProvider } from '../lib/period';
import { Onboarding } from '../features/onboarding/Onboarding';
import { routes, usesPeriod } from './routes';
import { Palette } from './Palette';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';
import { useGlobalShortcuts } from './globalShortcuts';
import { ShortcutHelp } from './ShortcutHelp';
import { useUndo } from '../ui/useUndo';

export function App() {
  const settings = useQuery('settings.get', {});
  const clock = useQuery('system.now', {});
  const [section = 'today', ...params] = useRoute();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const history = useUndo();
  useGlobalShortcuts(
    routes,
    {
      togglePalette: () => setPaletteOpen((open) => !open),
      toggleHelp: () => setHelpOpen((open) => !open),
      undo: () => void history.undo(),
      redo: () => void history.redo(),
    },
    settings.data?.initialized === true,
  );

  if (settings.error) {
    return (
      <main className="fatal" role="alert">
        <h1>Tandem cannot reach its data</h1>
        <p>{settings.error.message}</p>
      </main>
    );
  }
  if (!settings.data || !clock.data) return null;
  if (!settings.data.initialized) return <Onboarding />;

  const route = routes.find((r) => r.path === section) ?? routes[0];
  if (!route) return null;
  const Page = route.component;
  return (
    <WorkspaceProvider settings={settings.data}>
      <ClockProvider coreNow={clock.data.now}>
        <PeriodProvider>
          <div className="shell">
            {/* A button, not `href="#main"`: the hash is the app's route. */}
            <button
              type="button"
              className="skip-link"
              onClick={() => document.getElementById('main')?.focus()}
            >
              Skip to main content
            </button>
            <Sidebar routes={routes} current={route.path} businessName={settings.data.businessName} />
            <div className="main-column">
              <TopBar onOpenPalette={() => setPaletteOpen(true)} showPeriod={usesPeriod(route, params)} />
              <main className="content" id="main" tabIndex={-1}>
                <Page params={params} />
              </main>
            </div>
            <Palette open={paletteOpen} onOpenChange={setPaletteOpen} />
            <ShortcutHelp open={helpOpen} onOpenChange={setHelpOpen} />
          </div>
        </PeriodProvider>
      </ClockProvider>
    </WorkspaceProvider>
  );
}
