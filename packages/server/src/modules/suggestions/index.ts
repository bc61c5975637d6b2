/**
 * The suggestions module's face (金点子 / 建言献策): what other modules, the app, jobs, demo and CLI may call.
 * Everything else in this folder is private to it.
 */
import { defineTarget } from '../../http/access.js';
import { resolveRound, resolveSuggestion } from './access.js';

export { suggestionRoutes } from './routes.js';
export { newPublicCode } from './rounds.js';
// For the demo seeder, which writes a lived-in round (ideas, scores and rewards in the past) directly.
export { insertReviews, insertRound, insertSuggestions, updateSuggestion } from './repository.js';
export { adoptSuggestion, rewardSuggestion } from './decide.js';

declare module '../../http/access.js' {
  interface TargetKinds {
    suggestion_round: number;
    suggestion: number;
  }
}

export const roundTarget = defineTarget({
  kind: 'suggestion_round',
  noun: '征集活动',
  visibleWith: ['suggestion.submit', 'suggestion.read', 'suggestion.review'],
  resolve: resolveRound,
});
export const suggestionTarget = defineTarget({
  kind: 'suggestion',
  noun: '建议',
  visibleWith: ['suggestion.read'],
  resolve: resolveSuggestion,
});

export const accessTargets = [roundTarget, suggestionTarget];
