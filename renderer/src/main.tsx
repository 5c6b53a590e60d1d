import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startSession } from './lib/session';
import { startTransport } from './transport/current';
import './styles/base.css';
import './styles/layout.css';
import './styles/browser.css';
import './styles/viewer.css';
import './styles/dialogs.css';
import './styles/tools.css';
import './styles/review.css';

startSession(startTransport());

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
