import type { INestApplication } from '@nestjs/common';
import type { JsonLogger } from '@ruche/platform';

export interface DemoLogin {
  email: string;
  password: string;
  roles: string;
}

/** Placeholder until the demo company lands: seeds nothing. */
export async function seedDemoIfEmpty(_app: INestApplication, _logger: JsonLogger): Promise<DemoLogin[]> {
  return [];
}
