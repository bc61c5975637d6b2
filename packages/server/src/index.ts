export { buildApp } from './app.js';
export { loadConfig, type Config } from './config.js';
export { openDatabase, type Database, type Db } from './db/client.js';
// For the benches, which sign in as an account they insert themselves.
export { hashPassword } from './modules/auth/index.js';
