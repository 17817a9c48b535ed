import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Settings } from '@shared/api/settings';
import { createFormatter, type Formatter } from '@shared/domain/format';

interface Workspace {
  settings: Settings;
  format: Formatter;
}

const WorkspaceContext = createContext<Workspace | null>(null);

export function WorkspaceProvider({ settings, children }: { settings: Settings; children: ReactNode }) {
  const value = useMemo(
    () => ({ settings, format: createFormatter(settings.locale, settings.currency) }),
    [settings],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

/** The workspace's settings and the one formatter for its locale and currency. */
export function useWorkspace(): Workspace {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside WorkspaceProvider');
  return value;
}
