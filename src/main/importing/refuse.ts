/** A source the importer cannot read: what is wrong with it and what to do, as the field `source`. */
import { AppError } from '../platform';

export function refuse(message: string): AppError {
  return new AppError('invalid_request', message, 'source');
}
