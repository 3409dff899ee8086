import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Each test starts from an empty document and storage (Testing Library cleans up by itself only
// when the runner exposes globals, which this config does not).
afterEach(() => {
  cleanup();
  localStorage.clear();
});
