// The API's shapes are core's contracts (packages/core/src/contracts/ratings.ts), as the server builds them.
export type {
  RatingPointView as PointView,
  RatingStanding as Standing,
  RatingsOverview as Overview,
  RatingView,
} from '@leitai/core';
