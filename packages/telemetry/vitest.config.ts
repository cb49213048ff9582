import { workspaceConfig } from '../../vitest.shared.js';

// The monorepo's one vitest configuration (vitest.shared.ts), narrowed to this workspace.
export default workspaceConfig(import.meta.url);
