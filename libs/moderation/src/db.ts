import { rows } from '@ruche/platform';

// One helper for every module's raw queries (see @ruche/platform).
export { rows };
