import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '@shared/security';

/** Is this URL the app's own renderer (the bundled file, or the dev server)? */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  try {
    const parsed = new URL(url);
    if (devServerUrl && parsed.origin === new URL(devServerUrl).origin) return true;
    return parsed.protocol === 'file:' && /\/renderer\/index\.html$/.test(parsed.pathname);
  } catch {
    return false;
  }
}

/** Content-Security-Policy on every response, and every permission (camera, notifications...) denied. */
export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * A window may never leave the app: navigation elsewhere is cancelled, new windows are refused (web links
 * go to the system browser instead, http(s) only), and webviews cannot be attached.
 */
export function hardenContents(
  contents: WebContents,
  devServerUrl: string | undefined,
  openExternal: (url: string) => void,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//i.test(url)) openExternal(url);
    return { action: 'deny' };
  });
}
