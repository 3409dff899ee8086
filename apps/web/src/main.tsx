import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The global stylesheets, in cascade order: the base (tokens, reset, typography, controls,
// surfaces), the rules several areas share, then the phone overrides of those. Every area's own
// rules are CSS Modules beside its components. Imported before App so a component's module
// (bundled with the component) comes after the base and wins ties.
import './styles/base.css';
import './styles/controls.css';
import './styles/surfaces.css';
import './ui/bits.css';
import './styles/pages.css';
import './ui/status.css';
import './layout/responsive.css';
import './ui/gauges.css';
import { App } from './App';
import { registerServiceWorker } from './push/browserPush';

registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
