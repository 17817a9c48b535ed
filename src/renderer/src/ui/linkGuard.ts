import { ApiError } from '@shared/contract/result';
import { client } from '../lib/client';
import { notify } from './toast';

async function openOutside(url: string): Promise<void> {
  try {
    const result = await client.call('system.openExternal', { url });
    if (!result.opened) notify(result.message);
  } catch (error) {
    notify(error instanceof ApiError ? error.message : String(error), 'error');
  }
}

/**
 * The window must never navigate away from Tandem. A click on any link to another page is stopped here
 * and handed to the shell as a request to open the system browser (http and https only).
 */
export function installLinkGuard(open: (url: string) => void = (url) => void openOutside(url)): void {
  document.addEventListener(
    'click',
    (event) => {
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!(anchor instanceof HTMLAnchorElement)) return;
      const raw = anchor.getAttribute('href') ?? '';
      if (raw.startsWith('#')) return;
      event.preventDefault();
      const url = new URL(anchor.href, window.location.href);
      if (/^https?:$/.test(url.protocol) && url.origin !== window.location.origin) open(url.href);
    },
    true,
  );
}
