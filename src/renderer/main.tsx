// First: zod must not probe `new Function` under the CSP (zodConfig.ts).
import './zodConfig';
// The whole-family sheets: the per-subset ones (cyrillic-ext-400.css…) carry no unicode-range,
// so the last one would win for every letter and Kazakh would fall back to a system face.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import './styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startWorkstation } from './app/startup';
import { followSessionEvents } from './session/sessionEvents';

followSessionEvents();
void startWorkstation();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
