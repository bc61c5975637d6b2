/** The settings module's face: keyed JSON settings, each owner parsing its own with its own schema. */
export { readSetting, writeSetting } from './store.js';
