export { buildApp } from './app.js';
export { loadConfig, type Config } from './config.js';
export { openDatabase, type Database, type Db } from './db/client.js';
