/** A recovery choice that cannot be carried out; the message says why and what to do. */
import { AppError } from '../platform';

export class RecoveryError extends AppError {
  override name = 'RecoveryError';
  constructor(message: string, field?: string) {
    super('invalid_request', message, field);
  }
}
