import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The stylesheets, in cascade order: the global base (tokens, reset, typography, controls,
// surfaces), then each area's rules in the order they always had, the narrow-screen overrides
// after the areas they override. Imported before App so a component's own CSS Module (bundled
// with the component) comes after the base and wins ties, as area rules always did.
import './styles/base.css';
import './styles/controls.css';
import './styles/surfaces.css';
import './ui/bits.css';
import './styles/pages.css';
import './ui/status.css';
import './layout/responsive.css';
import './ui/gauges.css';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
