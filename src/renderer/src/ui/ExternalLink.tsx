import type { ReactNode } from 'react';

/** A link to an outside page; the link guard opens it in the system browser instead of the app window. */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} rel="noreferrer noopener" className="external-link">
      {children}
      <span className="visually-hidden"> (opens in your browser)</span>
    </a>
  );
}
