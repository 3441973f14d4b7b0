export { PersonalData } from './personal-data.js';
export { isSealedValue, type SealedValue } from './sealed-value.js';
export { SubjectForgottenError, assertSubjectId, type KeyVault, type SubjectKey } from './key-vault.js';
export { SqlKeyVault } from './sql-key-vault.js';
export { maskPhone, maskName, maskIdNumber, maskAddress } from './masking.js';
