import type { ApiErrorCode } from '@ruche/contracts';

/** Every code the api may answer with (contracts' list): a code added there without words here fails to compile. */
const errors = {
  'api.error.invalid': 'This request is not valid.',
  'api.error.unauthenticated': 'Please sign in again.',
  'api.error.forbidden': 'You are not allowed to do this.',
  'api.error.not_found': 'This item does not exist or is not visible to you.',
  'api.error.conflict': 'This cannot be done in the item’s current state.',
  'api.error.rate_limited': 'Too many attempts. Wait a minute and try again.',
  'api.error.validation_failed': 'Please correct what was entered.',
  'api.error.wrong_credentials': 'Wrong email or password.',
  'api.error.email_taken': 'An account already exists with this email.',
  'api.error.account_suspended': 'This account is suspended.',
  'api.error.guidelines_not_accepted': 'Accept the company guidelines (shown above) before posting. Your text is kept.',
  'api.error.cannot_follow_self': 'You cannot follow yourself.',
  'api.error.cannot_endorse_own_skill': 'You cannot endorse your own skills.',
  'api.error.unique_violation': 'This already exists.',
  'api.error.exclusion_violation': 'This conflicts with an existing item.',
  'api.error.foreign_key_violation': 'Something this refers to no longer exists.',
  'api.error.check_violation': 'A value is outside what is allowed.',
  'api.error.not_null_violation': 'A required value is missing.',
  'api.error.character_not_in_repertoire': 'The text is not valid Unicode.',
  'api.error.untranslatable_character': 'The text is not valid Unicode.',
  'api.error.string_data_right_truncation': 'A value is too long.',
  'api.error.numeric_value_out_of_range': 'A number is out of range.',
  'api.error.invalid_text_representation': 'A value has the wrong format.',
  'api.error.invalid_datetime_format': 'A date has the wrong format.',
  'api.error.datetime_field_overflow': 'A date is out of range.',
  'api.error.program_limit_exceeded': 'This is too large.',
  'api.error.data_exception': 'A value is not valid.',
} satisfies Record<`api.error.${ApiErrorCode}`, string>;

/**
 * Why a field was refused, by the constraint the api names (class-validator's, or platform's own
 * such as `isUuid`); `api.field.invalid` words any other. Shown after the field's label.
 */
const fields = {
  'api.field.labelled': '{label} {text}',
  'api.field.defaultLabel': 'The text',
  'api.field.invalid': 'is not valid',
  'api.field.isDefined': 'is required',
  'api.field.isNotEmpty': 'must not be empty',
  'api.field.visibleText': 'must contain visible characters',
  'api.field.wellFormedText': 'must be valid Unicode',
  'api.field.noNul': 'must not contain NUL characters',
  'api.field.minLength': 'must be at least {min} characters',
  'api.field.maxLength': 'must be shorter than or equal to {max} characters',
  'api.field.isEmail': 'must be a valid email address',
  'api.field.isString': 'must be text',
  'api.field.isIn': 'must be one of {values}',
  'api.field.isInt': 'must be a whole number',
  'api.field.isNumber': 'must be a number',
  'api.field.isPositive': 'must be a positive number',
  'api.field.min': 'must not be less than {min}',
  'api.field.max': 'must not be greater than {max}',
  'api.field.isBoolean': 'must be true or false',
  'api.field.isArray': 'must be a list',
  'api.field.arrayMinSize': '{min, plural, one {must have at least # item} other {must have at least # items}}',
  'api.field.arrayMaxSize': '{max, plural, one {must have at most # item} other {must have at most # items}}',
  'api.field.arrayUnique': 'must not list the same value twice',
  'api.field.isObject': 'must be an object',
  'api.field.isUuid': 'must be an id',
  'api.field.matches': 'has the wrong format',
  'api.field.whitelistValidation': 'is not expected here',
};

export const api = { ...errors, ...fields };
