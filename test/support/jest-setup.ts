import { jest } from '@jest/globals';

// Each e2e file boots a real api on a fresh database; allow for a busy 2-core machine.
jest.setTimeout(30_000);
