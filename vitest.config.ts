import { rootConfig } from './vitest.shared.js';

// Every workspace as a vitest project: `npx vitest run --project sales`, or a file, from the root.
export default rootConfig();
