import { rows } from '@ruche/platform';

// One helper for every module's raw queries (see @ruche/platform).
export { rows };

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
