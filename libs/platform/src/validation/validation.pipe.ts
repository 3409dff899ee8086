import { type ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import { isJsonObject, NOT_AN_OBJECT } from '../http/json-body.js';
import { findLoneSurrogate } from './text.js';

/**
 * The global validation pipe: unknown fields are refused, values are converted to the DTO's types.
 * A body must be an object whatever its content type: the stock pipe validates a `null` (or a
 * plain-text) body as `{}` and then hands the `null` to the controller, which an update endpoint
 * took as "change nothing". No body at all is validated as `{}` and passed on as `{}`, so a
 * service never sees `undefined` for its DTO. Any string with an unpaired surrogate, anywhere in
 * the input, is a 400 before the validators run: it cannot be stored as sent, and some validators
 * (`IsEmail`) throw on it.
 */
export class RucheValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true, forbidUnknownValues: true });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && this.toValidate(metadata)) {
      if (value === undefined) return super.transform({}, metadata);
      if (!isJsonObject(value)) throw new BadRequestException(NOT_AN_OBJECT);
    }
    // `custom` parameters (@CurrentUser, a gateway's @ConnectedSocket) are the server's, not input.
    const malformed = metadata.type === 'custom' ? undefined : findLoneSurrogate(value);
    if (malformed !== undefined) {
      throw new BadRequestException([`${malformed} must be valid Unicode (an unpaired surrogate was found)`]);
    }
    return super.transform(value, metadata);
  }
}
