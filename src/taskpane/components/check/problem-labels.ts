import type { IssueCode } from '../../../domain';

/** What the issue list's Problem filter calls each kind of issue. */
export const PROBLEM_LABELS: Record<IssueCode, string> = {
  required: 'Missing value',
  'too-long': 'Too long',
  'invalid-id': 'Bad Tax Client ID',
  'invalid-email': 'Bad e-mail address',
  'invalid-mobile': 'Bad mobile number',
  'same-as-taxpayer': 'Same as taxpayer',
  'invalid-yes-no': 'Not Yes or No',
  'error-value': 'Excel error value',
  'control-character': 'Control character',
  'unknown-owner': 'Unknown owner',
  'unknown-office': 'Unknown office',
  'offline-disabled': 'Offline not enabled',
  'duplicate-id': 'Repeated Tax Client ID',
  'not-calculated': 'Formula not calculated',
  'hidden-digits': 'Digits lost to scientific notation',
};
