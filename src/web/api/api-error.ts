// The one error shape of every `/api/` response and of `show --json` when no rule is printed.

import type { RuleListing } from '../../store/catalog.js';

export type ApiErrorCode =
  | 'bad-request'
  | 'not-found'
  | 'method-not-allowed'
  | 'ambiguous'
  | 'too-large'
  | 'internal';

export interface ApiError {
  error: {
    code: ApiErrorCode;
    message: string;
    /** Present for `ambiguous`: the rules the reference could mean. */
    candidates?: RuleListing[];
  };
}

export function apiError(
  code: ApiErrorCode,
  message: string,
  candidates?: RuleListing[],
): ApiError {
  return { error: candidates ? { code, message, candidates } : { code, message } };
}
