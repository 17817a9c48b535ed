import { Command as Cmdk } from 'cmdk';
import { useEffect, useMemo, useState } from 'react';
import { formatKeys } from '../lib/shortcuts';
import { isMac } from '../lib/platform';
import { useWorkspace } from '../lib/settings';
import { paletteCommands } from './registry';
import { searchProviders } from './search';

/** Ctrl/Cmd+K: jump anywhere, create anything, find any record by a word. */
export function Palette({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  const workspace = useWorkspace();
  const [text, setText] = useState('');
  const commands = useMemo(() => paletteCommands(), []);
  const [hits, setHits] = useState<{ id: string; label: string; detail: string; run(): void }[]>([]);

  useEffect(() => {
    let current = true;
    const query = text.trim();
    const timer = window.setTimeout(() => {
      if (query.length < 2) return current && setHits([]);
      void Promise.all(searchProviders.map((p) => p(query, workspace))).then(
        (lists) => current && setHits(lists.flat()),
      );
    }, 60);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [text, workspace]);

  const close = () => {
    onOpenChange(false);
    setText('');
  };
  const groups = ['Go to', 'Create', 'Actions'] as const;
  return (
    <Cmdk.Dialog
      open={open}
      onOpenChange={onOpenChange}
      label="Command palette"
      contentClassName="palette"
      overlayClassName="panel-overlay"
    >
      <Cmdk.Input
        value={text}
        onValueChange={setText}
        placeholder="Type a command or search records…"
        aria-label="Command or search"
      />
      <Cmdk.List>
        <Cmdk.Empty>Nothing found for “{text}”.</Cmdk.Empty>
        {hits.length > 0 && (
          <Cmdk.Group heading="Records">
            {hits.map((hit) => (
              <Cmdk.Item
                key={hit.id}
                value={`${hit.id} ${hit.label} ${hit.detail}`}
                keywords={[text]}
                onSelect={() => (close(), hit.run())}
              >
                <span>{hit.label}</span>
                <span className="palette-detail">{hit.detail}</span>
              </Cmdk.Item>
            ))}
          </Cmdk.Group>
        )}
        {groups.map((group) => {
          const inGroup = commands.filter((c) => c.group === group);
          return inGroup.length === 0 ? null : (
            <Cmdk.Group key={group} heading={group}>
              {inGroup.map((c) => (
                <Cmdk.Item
                  key={c.id}
                  value={`${c.group} ${c.label}`}
                  keywords={c.keywords}
                  onSelect={() => (close(), c.run())}
                >
                  <span>{c.label}</span>
                  {c.shortcut && <kbd>{formatKeys(c.shortcut, isMac)}</kbd>}
                </Cmdk.Item>
              ))}
            </Cmdk.Group>
          );
        })}
      </Cmdk.List>
    </Cmdk.Dialog>
  );
}
