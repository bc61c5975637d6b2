export * from './bucket.js';
export * from './text.js';
export * from './backoff.js';
export * from './quiet.js';
export * from './dingtalk.js';
export * from './message.js';
