import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { QueryProvider } from './lib/query-client';
import { ToastProvider } from './ui/toast';
import { installLinkGuard } from './ui/linkGuard';
import './styles.css';

installLinkGuard();

const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
createRoot(root).render(
  <StrictMode>
    <QueryProvider>
      <ToastProvider>
        <App />
      </ToastProvider>
    </QueryProvider>
  </StrictMode>,
);
