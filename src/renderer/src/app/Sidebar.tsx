import { OverdueBadge } from '../features/today/OverdueBadge';
import { KEYS } from './globalShortcuts';
import type { RouteDef } from './routes';

export function Sidebar({
  routes,
  current,
  businessName,
}: {
  routes: RouteDef[];
  current: string;
  businessName: string;
}) {
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◐
        </span>
        <span className="brand-name" title={businessName}>
          {businessName}
        </span>
      </div>
      <ul>
        {routes.map((r) => (
          <li key={r.path}>
            <a
              href={`#/${r.path}`}
              aria-current={current === r.path ? 'page' : undefined}
              title={`${r.label} (g then ${r.key})`}
            >
              {r.label}
              {r.path === 'today' && <OverdueBadge />}
              <kbd aria-hidden="true">{KEYS.goTo(r)}</kbd>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
