// Role names live in core, so the server's Excel files and the web app say the same thing.
export { ROLE_LABELS } from '@leitai/core';
