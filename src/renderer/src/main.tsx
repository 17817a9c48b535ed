import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryProvider } from './lib/query-client';
import { installLinkGuard } from './ui/linkGuard';
import './styles.css';

installLinkGuard();

const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
const mount = (app: ReactNode) =>
  createRoot(root).render(
    <StrictMode>
      <QueryProvider>{app}</QueryProvider>
    </StrictMode>,
  );

// The print route (the PDF printers' page) loads only the report; everything else loads the app.
const print = /^#\/print\/report(\?|$)/.test(window.location.hash);
if (print) {
  void import('./features/reports/PrintApp').then(({ PrintApp }) =>
    mount(<PrintApp query={window.location.hash.split('?')[1] ?? ''} />),
  );
} else {
  void Promise.all([import('./app/App'), import('./ui/toast')]).then(([{ App }, { ToastProvider }]) =>
    mount(
      <ToastProvider>
        <App />
      </ToastProvider>,
    ),
  );
}
