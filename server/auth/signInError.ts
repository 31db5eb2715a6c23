import type { Response } from 'express';
import { HttpError } from '../http/errors.js';
import type { CredentialFailure } from './AuthService.js';

/**
 * The one HTTP answer for a failed credential check, used by sign-in and by accepting an invitation
 * to an existing account, so neither tells a wrong password from an unknown email differently, or
 * from the other route: 429 with Retry-After while delayed, else 401.
 */
export function signInError(res: Response, failure: CredentialFailure): HttpError {
  if (failure.reason === 'throttled') {
    res.setHeader('Retry-After', String(failure.retryAfter));
    return new HttpError(429, 'throttled', 'Too many failed sign-in attempts. Wait a little and try again.');
  }
  return new HttpError(401, 'bad-credentials', 'The email address or password is not right.');
}
